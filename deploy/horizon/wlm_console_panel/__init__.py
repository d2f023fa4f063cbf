"""A "Backups" panel for Horizon's Project dashboard: the Backup Console in an iframe, handed
the signed-in user's token over postMessage (never in a URL)."""

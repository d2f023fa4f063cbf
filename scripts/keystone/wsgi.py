"""Keystone's public WSGI application for gunicorn (scripts/keystone.sh)."""
import sys

# oslo.config parses sys.argv; gunicorn's own flags would be "unrecognized arguments".
sys.argv = sys.argv[:1]

from keystone.server.wsgi import initialize_public_application  # noqa: E402

application = initialize_public_application()

# Adds the Backups panel to the Project dashboard (Horizon's pluggable settings). Copy this file
# into openstack_dashboard/local/enabled/ and put deploy/horizon on the Python path.
PANEL = 'backups'
PANEL_DASHBOARD = 'project'
PANEL_GROUP = 'compute'
ADD_PANEL = 'wlm_console_panel.panel.Backups'
ADD_INSTALLED_APPS = ['wlm_console_panel']

from django.utils.translation import gettext_lazy as _

import horizon


class Backups(horizon.Panel):
    name = _("Backups")
    slug = "backups"

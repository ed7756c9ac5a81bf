#!/usr/bin/env python
import os
import sys

# Commands that serve pages or vouch for a deployment need the real secret key; the others may
# run with a throwaway one when DJANGO_SECRET_KEY is not set (see config/settings.py).
NEEDS_THE_SECRET = {"runserver", "testserver", "check"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if sys.argv[1:2] and sys.argv[1] not in NEEDS_THE_SECRET:
        os.environ.setdefault("DJANGO_COMMAND_WITHOUT_SECRET", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""The form on the owner's list of reports: the address to e-mail the owner's link to."""

from django import forms
from django.utils.translation import gettext_lazy as _


class OwnerLinkEmailForm(forms.Form):
    # Used for one e-mail and dropped: no model, no session, no log holds it.
    address = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Used for this one e-mail and never kept."),
        error_messages={
            "required": _("Enter the address to send the link to."),
            "invalid": _("Enter an e-mail address, like you@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

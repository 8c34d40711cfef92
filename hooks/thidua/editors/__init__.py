"""The editors' room: the web form's configuration and the rules it runs in the browser, the field reference
and the generated parts of the guide — every one generated from the one source of rules in `checks/`."""

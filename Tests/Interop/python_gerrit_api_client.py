"""python-gerrit-api against a live Gatehouse: the calls its users make, each answer checked.

Usage: python_gerrit_api_client.py BASE_URL USER PASSWORD CHANGE_NUMBER
Prints one JSON object with what came back; exits non-zero on the first wrong answer.
"""
import base64
import json
import sys

from gerrit import GerritClient
from gerrit.utils.exceptions import ConflictError

url, user, password, number = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
client = GerritClient(base_url=url, username=user, password=password)

version = client.version
assert version[0].isdigit(), version
found = client.changes.search("status:open+project:demo", options=["CURRENT_REVISION", "LABELS"])
assert any(c["_number"] == number for c in found), found
change = client.changes.get(str(number))
assert change.id == "demo~%d" % number, change.id
detail = change.get_detail(options=["CURRENT_REVISION"])
assert detail["_number"] == number and detail["status"] == "NEW", detail

revision = change.get_revision(1)
assert revision is not None
files = revision.files
paths = sorted(files.keys())
assert "/COMMIT_MSG" in paths and "hello.txt" in paths, paths
diff = files.get("hello.txt").get_diff()
assert diff["change_type"] == "ADDED", diff
content = files.get("hello.txt").get_content(decode=True)
assert content.startswith("hello"), content
patch = revision.get_patch(decode=True)
assert "Subject: [PATCH]" in patch, patch[:200]
commit = revision.get_commit()
assert commit["subject"] == "Say hello", commit

result = revision.set_review({"message": "python-gerrit-api review", "labels": {"Code-Review": 1},
                              "comments": {"hello.txt": [{"line": 2, "message": "from python-gerrit-api"}]}})
assert result["labels"] == {"Code-Review": 1}, result

abandoned = change.abandon()
assert abandoned["status"] == "ABANDONED", abandoned
restored = change.restore()
assert restored["status"] == "NEW", restored
try:
    change.submit()
    raise AssertionError("submit of an unapproved change must be refused")
except ConflictError as error:
    submit_refusal = str(error)

me = client.accounts.get("self")
assert me.username == user, me.username
project = client.projects.get("demo")
assert project.name == "demo", project.name
print(json.dumps({
    "version": version,
    "files": paths,
    "submit_refusal": submit_refusal,
    "self": me.username,
    "project": project.name,
}))

"""pygerrit2 against a live Gatehouse: version, self, query, a review with labels and inline comments.

Usage: pygerrit2_client.py BASE_URL USER PASSWORD CHANGE_NUMBER
Prints one JSON object with what came back; exits non-zero on the first wrong answer.
"""
import json
import sys

from pygerrit2 import Anonymous, GerritRestAPI, GerritReview, HTTPBasicAuth

url, user, password, number = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rest = GerritRestAPI(url=url, auth=HTTPBasicAuth(user, password))
anonymous = GerritRestAPI(url=url, auth=Anonymous())

version = rest.get("/config/server/version")
assert isinstance(version, str) and version[0].isdigit(), version
me = rest.get("/accounts/self")
assert me["username"] == user, me
open_changes = anonymous.get("/changes/?q=status:open")
assert any(c["_number"] == number for c in open_changes), open_changes
listed = rest.get("/changes/?q=status:open+project:demo&o=CURRENT_REVISION&o=LABELS&n=10")
change = next(c for c in listed if c["_number"] == number)
assert change["current_revision"] in change["revisions"], change

review = GerritReview()
review.set_message("Reviewed with pygerrit2")
review.add_labels({"Code-Review": 1})
review.add_comments([
    {"filename": "hello.txt", "line": 1, "message": "pygerrit2 line comment"},
    {"filename": "hello.txt", "range": {"start_line": 1, "start_character": 0, "end_line": 2, "end_character": 2},
     "message": "pygerrit2 range comment"},
])
result = rest.review(str(number), "current", review)
assert result["labels"] == {"Code-Review": 1}, result

detail = rest.get("/changes/%d/detail" % number)
comments = rest.get("/changes/demo~%d/revisions/current/comments" % number)
messages = [m["message"] for m in detail["messages"]]
assert "Patch Set 1: Code-Review+1\n\n(2 comments)\n\nReviewed with pygerrit2" in messages, messages
print(json.dumps({
    "version": version,
    "self": me["username"],
    "comments": sorted(c["message"] for c in comments["hello.txt"]),
    "code_review": detail["labels"]["Code-Review"]["recommended"]["username"],
}))

/// The `commit-msg` hook served at `/tools/hooks/commit-msg`: it adds a `Change-Id` trailer to new commits.
///
/// Gatehouse's own hook, written from scratch in POSIX sh so it runs wherever git does. It is a plain
/// string here rather than a resource file because the core module must stay free of Foundation and
/// bundle lookups; the HTTP layer serves it verbatim.
///
/// Behaviour, which the server's footer parser (`ChangeKeyFooter`) relies on:
/// - does nothing when `gerrit.createChangeId` is false, for `fixup!`/`squash!`/`amend!`-style subjects
///   (unless the setting is `always`), for messages that git's cleanup would leave empty, and when the last
///   paragraph (not the subject's) already has a `Change-Id:` or `Link: …/id/I…` line — where the server
///   looks, so an amended commit keeps its change;
/// - otherwise writes `Change-Id: I<sha1>` where the SHA-1 is `git hash-object` over the committer ident,
///   the HEAD commit (or the empty tree) and the message, or `Link: <gerrit.reviewUrl>/id/I<sha1>`;
/// - inserts it with `git interpret-trailers` into the last paragraph, ahead of any `Signed-off-by`;
/// - treats comment lines (`core.commentChar`) the way `git commit` will: stripped when the message is
///   edited or `commit.cleanup=strip`, kept (and thus real paragraphs) with `-m`, `-F` or `--no-edit`.
package enum CommitMsgHook {
    package static let script: String = #"""
    #!/bin/sh
    # Gatehouse commit-msg hook: gives every new commit a Change-Id trailer.
    #
    # Gatehouse (like Gerrit) recognises a new version of a commit by the
    # "Change-Id: I<40 hex digits>" line at the end of its message. This hook adds
    # that line when you commit; keep it when you amend or rebase, and the next
    # push to refs/for/<branch> updates the existing change instead of opening a
    # new one.
    #
    # Install:  curl -o .git/hooks/commit-msg <server>/tools/hooks/commit-msg
    #           chmod +x .git/hooks/commit-msg
    #
    # Settings (git config):
    #   gerrit.createChangeId  "false" turns the hook off; "always" also adds a
    #                          Change-Id to fixup!/squash!/amend! commits, which
    #                          are otherwise left alone because rebase folds them
    #                          into the commit they name.
    #   gerrit.reviewUrl       when set, write "Link: <url>/id/I..." instead.
    #
    # Needs Git 2.22 or later (git interpret-trailers --no-divider).

    set -u

    msg_file=${1-}
    if [ -z "$msg_file" ] || [ ! -f "$msg_file" ]; then
    	echo "commit-msg: expected the commit message file as the only argument" >&2
    	exit 1
    fi

    setting=$(git config --get gerrit.createChangeId 2>/dev/null | tr '[:upper:]' '[:lower:]')
    if [ "$setting" != always ] &&
    	[ "$(git config --bool --get gerrit.createChangeId 2>/dev/null)" = false ]; then
    	exit 0
    fi

    # Decide as git will see the message after its cleanup. When the message is
    # edited, git drops comment lines and everything below the scissors line of
    # "git commit -v"; with -m, -F or --no-edit (GIT_EDITOR is then ":") comment
    # lines stay, unless commit.cleanup says otherwise.
    comment=$(git config --get core.commentChar 2>/dev/null) || comment='#'
    case $comment in
    '' | auto) comment='#' ;;
    esac
    if [ "${GIT_EDITOR-}" = : ]; then edited=no; else edited=yes; fi
    case $(git config --get commit.cleanup 2>/dev/null) in
    strip) strip=yes ;;
    whitespace | verbatim | scissors) strip=no ;;
    *) strip=$edited ;;
    esac

    # The first line git will keep: the subject. Nothing means an empty message,
    # which git refuses; adding a Change-Id would make it acceptable.
    subject=$(COMMENT=$comment STRIP=$strip EDITED=$edited LC_ALL=C awk '
    	BEGIN { c = ENVIRON["COMMENT"]; scissors = c " ------------------------ >8 ------------------------" }
    	ENVIRON["EDITED"] == "yes" && $0 == scissors { exit }
    	ENVIRON["STRIP"] == "yes" && index($0, c) == 1 { next }
    	/[^[:space:]]/ { print; exit }
    ' "$msg_file")
    if [ -z "$subject" ]; then
    	exit 0
    fi

    if [ "$setting" != always ] &&
    	printf '%s\n' "$subject" | LC_ALL=C grep -q '^[a-z][a-z]*! '; then
    	exit 0
    fi

    # Leave an existing id alone, so amending and rebasing keep the change. Look
    # where the server looks: the last paragraph, unless that is the subject's.
    has_id=$(COMMENT=$comment STRIP=$strip EDITED=$edited LC_ALL=C awk '
    	BEGIN {
    		c = ENVIRON["COMMENT"]; scissors = c " ------------------------ >8 ------------------------"
    		hex = ""; for (i = 0; i < 40; i++) hex = hex "[0-9a-f]"
    		link = "^[Ll][Ii][Nn][Kk]:.*/id/I" hex "/?[[:space:]]*$"
    		blank = 1
    	}
    	ENVIRON["EDITED"] == "yes" && $0 == scissors { exit }
    	ENVIRON["STRIP"] == "yes" && index($0, c) == 1 { next }
    	!/[^[:space:]]/ { blank = 1; next }
    	{
    		if (blank) { paragraphs++; found = 0; blank = 0 }
    		if (tolower($0) ~ /^change-id:/ || $0 ~ link) found = 1
    	}
    	END { if (paragraphs > 1 && found) print "yes" }
    ' "$msg_file")
    if [ "$has_id" = yes ]; then
    	exit 0
    fi

    # git interpret-trailers always skips comment lines when it looks for the last
    # paragraph. When git will keep those lines, hide them from it behind a comment
    # character that no line starts with (SOH), or the trailer would land above a
    # paragraph such as "#123 is fixed".
    if [ "$strip" = yes ]; then trailer_comment=$comment; else trailer_comment=$(printf '\001'); fi
    run_trailers() {
    	git -c core.commentChar="$trailer_comment" interpret-trailers --no-divider "$@"
    }
    if ! trailers=$(run_trailers --parse "$msg_file"); then
    	echo "commit-msg: git interpret-trailers failed; the hook needs Git 2.22 or later" >&2
    	exit 1
    fi

    # The id only has to be unique: hash who commits when (the ident carries a
    # timestamp), on top of what, and with which message.
    head=$(git rev-parse --verify --quiet HEAD) ||
    	head=4b825dc642cb6eb9a060e54bf8d69288fbee4904 # the empty tree: first commit
    ident=$(git var GIT_COMMITTER_IDENT) || exit 1
    hash=$({
    	printf '%s\n%s\n' "$ident" "$head"
    	cat "$msg_file"
    } | git hash-object -t blob --stdin) || exit 1
    hash=$(printf '%s' "$hash" | cut -c1-40) # SHA-256 repositories print 64 digits
    case $hash in
    *[!0-9a-f]*) hash= ;;
    esac
    if [ ${#hash} -ne 40 ]; then
    	echo "commit-msg: could not compute a Change-Id" >&2
    	exit 1
    fi

    url=$(git config --get gerrit.reviewUrl 2>/dev/null) || url=
    if [ -n "$url" ]; then
    	while :; do
    		case $url in
    		*/) url=${url%/} ;;
    		*) break ;;
    		esac
    	done
    	trailer="Link: $url/id/I$hash"
    else
    	trailer="Change-Id: I$hash"
    fi

    # Sign-offs conventionally close the message, so when there is one the new
    # trailer opens the trailer block; otherwise it goes last.
    where=end
    if printf '%s\n' "$trailers" | LC_ALL=C grep -qi '^signed-off-by:'; then
    	where=start
    fi
    if ! run_trailers --in-place --where "$where" --if-exists add --if-missing add \
    	--trailer "$trailer" "$msg_file"; then
    	echo "commit-msg: could not add the $trailer trailer" >&2
    	exit 1
    fi

    """#
}

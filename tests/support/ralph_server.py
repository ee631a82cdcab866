"""Ralph's LRS app (what `ralph runserver -b fs` serves) for the tests: `python tests/support/ralph_server.py PORT`.

Why not `ralph runserver` itself: in ralph-malph 5.1.0 the fs LRS backend writes every POST to one file
(fs_lrs.jsonl) with the data backend's default operation, CREATE, which refuses a file that exists, so every
POST after the first fails with HTTP 500 ("Statements bulk indexation failed"). Here the same app runs under
uvicorn (as runserver does, without its file-watching reloader) with that one default set to APPEND; the
LRS's validation, de-duplication and answers are Ralph's own. Configuration comes from the environment, as
runserver passes it: RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH, RALPH_APP_DIR.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")

# Runs many virt-install command lines in one Python process (virt-manager's own test suite
# drives virtinstall.main() the same way), so the corpus costs one interpreter start, not hundreds.
# stdin: a JSON list of argv lists; stdout: one JSON object per run, in order.
import io
import json
import sys

sys.path.insert(0, "/usr/share/virt-manager")
from virtinst import virtinstall  # noqa: E402

runs = json.load(sys.stdin)
real_stdout, real_stderr = sys.stdout, sys.stderr
for argv in runs:
    out, err = io.StringIO(), io.StringIO()
    sys.argv = ["virt-install"] + argv
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        code = virtinstall.main() or 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 1
    except Exception as e:  # a refused option is a result to report, not a crash
        err.write("%s: %s\n" % (type(e).__name__, e))
        code = 1
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
    lines = [l for l in err.getvalue().strip().split("\n") if l]
    real_stdout.write(json.dumps({"ok": code == 0, "out": out.getvalue(),
                                  "error": lines[-1] if lines else "exit %s" % code}) + "\n")
    real_stdout.flush()

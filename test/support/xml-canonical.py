# Canonical XML (C14N 2.0, Python's own parser: independent of the code under test) for the
# round-trip comparison: attributes sorted, whitespace-only text dropped, text trimmed, comments kept.
# stdin: a JSON list of documents; stdout: a JSON list of {"c14n": str} or {"error": str}.
import json
import sys
import xml.etree.ElementTree as ET

out = []
for doc in json.load(sys.stdin):
    try:
        out.append({"c14n": ET.canonicalize(doc, with_comments=True, strip_text=True)})
    except Exception as e:
        out.append({"error": "%s: %s" % (type(e).__name__, e)})
json.dump(out, sys.stdout)

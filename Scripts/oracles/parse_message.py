#!/usr/bin/env python3
"""Decodes a saved message with Python's email package and prints what a mail reader would show, as JSON."""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as raw:
    message = email.message_from_binary_file(raw, policy=email.policy.default)
parts = {part.get_content_type(): part for part in message.walk() if not part.is_multipart()}
print(json.dumps({
    "subject": str(message["Subject"]),
    "from_name": message["From"].addresses[0].display_name,
    "from_address": message["From"].addresses[0].addr_spec,
    "to": str(message["To"]),
    "message_id": str(message["Message-ID"]),
    "date": str(message["Date"]),
    "content_type": message.get_content_type(),
    "part_types": [part.get_content_type() for part in message.walk() if not part.is_multipart()],
    "text": parts["text/plain"].get_content(),
    "html": parts["text/html"].get_content(),
    "defects": [repr(defect) for part in message.walk() for defect in part.defects],
}))

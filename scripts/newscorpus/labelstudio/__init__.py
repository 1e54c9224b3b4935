"""Label Studio sessions, one module per concern.

* ``config``     - the labelling config and project instructions, generated from the scheme
* ``convert``    - tasks out, full JSON exports back (pure conversions, no I/O)
* ``review``     - a submission is a review: reviewer, timestamps, confirmed spans
* ``files``      - tasks files and imports of exports into annotation files (task by task)
* ``api``        - push and pull through the Label Studio API
* ``team``       - team sessions (``push --overlap N``): every annotator's submission, agreement
* ``adjudicate`` - the adjudication round of a team session
* ``server``     - start and stop a local Label Studio server
"""

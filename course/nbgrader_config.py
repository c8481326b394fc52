"""nbgrader for Likelihood Lab's TypeScript (tslab) notebooks. README "For graders" has the cycle.

Run nbgrader from this folder with the project's .venv (`../.venv/bin/nbgrader ...`): that is
where the `tslab` kernel is registered, the project's protocol-correct kernel
(scripts/kernel/: failed cells send ename/evalue/traceback, and a test cell after a failing one
runs instead of coming back empty).

Notebooks import the library as `likelihood-lab`. Inside the project that resolves through the
project's node_modules; a copy of this folder elsewhere needs `node_modules/likelihood-lab`
linked to the project (`ln -s /path/to/likelihood-lab node_modules/likelihood-lab`).
"""
import os

c = get_config()  # noqa: F821 (nbgrader's config loader defines it)

c.CourseDirectory.course_id = "likelihood-lab"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# The student version: solutions replaced by a stub that fails loudly when run.
c.ClearSolutions.code_stub = {
    "typescript": "// YOUR CODE HERE\nthrow new Error('not implemented');",
}
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Autograding executes each submission in a fresh kernel (tslab starts in ~2 s; the notebook's
# import of the library and TensorFlow in ~2 s more).
c.Execute.timeout = 300
c.Execute.startup_timeout = 120

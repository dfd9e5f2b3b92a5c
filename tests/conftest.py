import os
import sys

# grad_cases/ is a package of test data next to the tests.
sys.path.insert(0, os.path.dirname(__file__))

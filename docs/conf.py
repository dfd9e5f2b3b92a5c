"""Sphinx configuration of the rustorch documentation (built by scripts/docs.sh, warnings are errors).

The guides are Markdown (MyST); the API reference is generated at build time from the live package
(docs/api/generated/, not committed): one page per public module listing every public name with
autodoc, so a function or binding added to the package appears without editing these pages, and
its docstring (pybind11's at the binding site for the compiled module) is what the page shows.
"""
import importlib
import inspect
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)  # this checkout's rustorch (a dev build links the extension into it)

import rustorch  # noqa: E402

project = "rustorch"
author = "The rustorch developers"
copyright = "rustorch developers, MIT licence"
version = release = rustorch.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.viewcode"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = f"rustorch {release}"
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "none"  # pybind11 signatures carry the types; repeating them is noise
napoleon_google_docstring = True
napoleon_numpy_docstring = False
suppress_warnings = ["myst.xref_missing"]  # relative links to repository files outside docs/

# (page, title, module, intro, names-or-None). None: the module's public names (its __all__, or
# dir() without private names), skipping submodules and names documented on another page.
API_PAGES = [
    ("rustorch", "rustorch: tensors and ops", "rustorch",
     "The tensor class, dtypes and devices, and every tensor function (``rt.add``, ``rt.matmul``, "
     "``rt.zeros``, ...). Layers re-exported at the top level (``rt.Linear``) are documented under "
     ":doc:`nn`, optimizers under :doc:`optim`.", None),
    ("autograd", "rustorch.autograd", "rustorch.autograd", "Grad modes, backward/grad and gradient checks.", None),
    ("nn", "rustorch.nn", "rustorch.nn", "Module, containers, layers, activations and losses.", None),
    ("nn.functional", "rustorch.nn.functional", "rustorch.nn.functional", "The functional forms of the layers.", None),
    ("nn.init", "rustorch.nn.init", "rustorch.nn.init", "Parameter initialisation.", None),
    ("nn.utils", "rustorch.nn.utils", "rustorch.nn.utils", "Gradient clipping and parameter/vector conversion.",
     None),
    ("optim", "rustorch.optim", "rustorch.optim", "Optimizers with fused C++ updates.", None),
    ("optim.lr_scheduler", "rustorch.optim.lr_scheduler", "rustorch.optim.lr_scheduler", "Learning-rate schedules.",
     None),
    ("data", "rustorch.data", "rustorch.data", "Datasets, samplers, DataLoader and collate.", None),
    ("data.datasets", "rustorch.data.datasets", "rustorch.data.datasets", "Built-in datasets (offline files).", None),
    ("data.transforms", "rustorch.data.transforms", "rustorch.data.transforms", "Sample transforms.", None),
    ("linalg", "rustorch.linalg", "rustorch.linalg", "Linear algebra (LAPACK/OpenBLAS), differentiable.", None),
    ("distributions", "rustorch.distributions", "rustorch.distributions", "Probability distributions.", None),
    ("distributions.constraints", "rustorch.distributions.constraints", "rustorch.distributions.constraints",
     "Where parameters and samples live.", None),
]
# Areas that join the reference when their package exists on this checkout.
OPTIONAL_API_PAGES = [
    ("training", "rustorch.training", "rustorch.training",
     "Keras-style models (``rt.Model``, ``rt.Sequential``) and the Lightning-style ``rt.Trainer``.", None),
    ("callbacks", "rt.callbacks", "rustorch.training.callbacks", "Training callbacks (``rt.callbacks``).", None),
    ("metrics", "rt.metrics", "rustorch.training.metrics", "Metrics (``rt.metrics``).", None),
    ("losses", "rustorch.training.losses", "rustorch.training.losses", "Losses as ``compile`` resolves them.", None),
    ("plot", "rustorch.plot", "rustorch.plot", "Plots of training curves and images.", None),
    ("serialization", "rustorch.serialization", "rustorch.serialization",
     "Saving and loading (also ``rt.saving``); see the saving guide for the formats.", None),
    ("distributed", "rustorch.distributed", "rustorch.distributed",
     "Process groups and collectives (``torch.distributed``'s API); see the distributed guide.", None),
    ("nn.parallel", "rustorch.nn.parallel", "rustorch.nn.parallel", "DistributedDataParallel.", None),
]


def _public_names(module):
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    return list(names)


def _documented_elsewhere(page_module, obj):
    """Each class is documented once. Top-level re-exports of Python classes and functions
    (rt.Linear, rt.SGD, rt.no_grad) live on their own package's page, and rustorch's page keeps the
    compiled module's names; other pages skip classes imported from outside them (rt.Tensor in
    nn.functional). Functions bound from the compiled module into a Python namespace
    (nn.functional's kernels) are documented there."""
    home = getattr(obj, "__module__", "") or ""
    if page_module == "rustorch":
        return home.startswith("rustorch.") and not home.startswith(("rustorch._C", "rustorch._tensor"))
    return isinstance(obj, type) and not home.startswith(page_module)


# Docstrings are plain text (formulas like |x|, x * y, (N, C, *), lr *= f, index_put_), with
# ``literal`` spans and the odd :role:`target`; reStructuredText would read |x| as a substitution,
# *... as emphasis and name_ as a link. Outside literals and roles those characters are escaped,
# so every docstring renders as written and the build stays warning-free.
_LITERAL_OR_ROLE = re.compile(r"(``.+?``|:[\w:]+:`[^`]+`|`[^`]+`_{0,2})")
_PLAIN_SPECIALS = re.compile(r"([*|])|(?<=\w)_(?=\W|$)")


def _escape_plain(text):
    parts = _LITERAL_OR_ROLE.split(text)
    for i in range(0, len(parts), 2):  # even indices: outside literals and roles
        parts[i] = _PLAIN_SPECIALS.sub(lambda m: "\\" + m.group(0), parts[i])
    return "".join(parts)


def escape_docstring(app, what, name, obj, options, lines):
    in_table = in_doctest = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">>>"):  # a doctest block is literal up to the next blank line
            in_doctest = True
        elif not line.strip():
            in_doctest = False
        if in_doctest:
            continue
        if re.match(r"^\s*=+(\s+=+)+\s*$", line):  # a simple table: its cells stay as they are
            in_table = not in_table if not in_table or i + 1 == len(lines) or not lines[i + 1].strip() else in_table
            continue
        if not in_table:
            lines[i] = _escape_plain(line)


def _directive(module_name, name, obj):
    if isinstance(obj, type):
        lines = [f".. autoclass:: {module_name}.{name}", "   :members:"]
        if issubclass(obj, BaseException):
            lines = [f".. autoexception:: {module_name}.{name}"]
        return "\n".join(lines)
    if callable(obj):
        return f".. autofunction:: {module_name}.{name}"
    return None  # values (dtypes, constants) are described in the module's and the dtype's docs


def write_api_pages(app):
    out_dir = os.path.join(HERE, "api", "generated")
    os.makedirs(out_dir, exist_ok=True)
    pages = list(API_PAGES)
    for page in OPTIONAL_API_PAGES:
        try:
            importlib.import_module(page[2])
            pages.append(page)
        except ImportError:
            pass
    written = set()
    for page, title, module_name, intro, names in pages:
        module = importlib.import_module(module_name)
        names = names or _public_names(module)
        body = [title, "=" * len(title), "", f".. automodule:: {module_name}", "   :no-members:", "", intro, ""]
        for name in sorted(names, key=lambda n: (not isinstance(getattr(module, n, None), type), n.lower())):
            obj = getattr(module, name, None)
            if obj is None or inspect.ismodule(obj) or _documented_elsewhere(module_name, obj):
                continue
            directive = _directive(module_name, name, obj)
            if directive:
                body += [directive, ""]
        text = "\n".join(body) + "\n"
        path = os.path.join(out_dir, f"{page}.rst")
        written.add(path)
        old = open(path).read() if os.path.exists(path) else None
        if old != text:  # unchanged pages keep their mtime, so incremental builds stay incremental
            with open(path, "w") as f:
                f.write(text)
    written.add(os.path.join(out_dir, "index.rst"))
    for stale in set(os.path.join(out_dir, f) for f in os.listdir(out_dir)) - written:
        os.remove(stale)
    index = ["API reference", "=============", "",
             "Generated from the docstrings of the live package, so it lists exactly what exists.", "",
             ".. toctree::", "   :maxdepth: 1", ""] + [f"   {page}" for page, *_ in pages]
    text = "\n".join(index) + "\n"
    path = os.path.join(out_dir, "index.rst")
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


def setup(app):
    app.connect("builder-inited", write_api_pages)
    app.connect("autodoc-process-docstring", escape_docstring, priority=400)  # before napoleon (500)

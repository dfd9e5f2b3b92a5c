// rustorch._C._distributed: communicators (local, MPI), collectives and their Work handles.
// The Python package rustorch.distributed builds the PyTorch-style API on top. Every collective
// and wait releases the GIL, so other Python threads run while ranks exchange data.
#include "bind_common.hpp"
#include "rustorch/distrib/communicator.hpp"

namespace rustorch::python {

namespace {

using distrib::Communicator;
using distrib::ReduceOp;
using distrib::Timeout;
using distrib::Work;
using distrib::WorkPtr;

Timeout timeout_from_seconds(double seconds) {
  RT_CHECK(seconds >= 0, ValueError, "init_process_group: timeout must be non-negative, got ", seconds, " s");
  return Timeout(static_cast<int64_t>(seconds * 1000.0 + 0.5));
}

}  // namespace

void bind_distributed(py::module_& parent) {
  py::module_ m = parent.def_submodule("_distributed", "Collective communication backends (local, MPI).");

  py::enum_<ReduceOp>(m, "ReduceOp", R"doc(How all_reduce and reduce_scatter combine the ranks' tensors.

``SUM`` adds them, ``AVG`` takes their mean, ``MAX`` and ``MIN`` the elementwise extremes.

Args:
    value (int): the member's value (0 ``SUM``, 1 ``AVG``, 2 ``MAX``, 3 ``MIN``); usually a member is named
        instead, as ``ReduceOp.SUM``.

Example:
    >>> import rustorch.distributed as dist
    >>> dist.init_process_group("local")
    >>> t = rt.tensor([1., 5.])
    >>> dist.all_reduce(t, op=dist.ReduceOp.MAX)
    >>> t.tolist()
    [1.0, 5.0]
    >>> dist.ReduceOp.AVG.value
    1
    >>> dist.destroy_process_group()
)doc")
      .value("SUM", ReduceOp::Sum)
      .value("AVG", ReduceOp::Avg)
      .value("MAX", ReduceOp::Max)
      .value("MIN", ReduceOp::Min);

  py::class_<Work, WorkPtr>(m, "Work", "A collective in flight; its tensors hold the result after wait().")
      .def("is_completed", &Work::is_completed)
      .def("wait", [](Work& w, double timeout_s) {
             py::gil_scoped_release release;
             w.wait(Timeout(static_cast<int64_t>(timeout_s * 1000.0 + 0.5)));
           }, py::arg("timeout_s"), "Blocks until done (timeout_s = 0: no limit); rethrows the collective's error.");

  py::class_<Communicator, std::shared_ptr<Communicator>>(m, "Communicator", "A group of processes.")
      .def_property_readonly("rank", &Communicator::rank)
      .def_property_readonly("size", &Communicator::size)
      .def_property_readonly("backend", &Communicator::backend)
      .def_property_readonly("timeout_s", [](const Communicator& c) { return c.timeout().count() / 1000.0; })
      .def("all_reduce_async", [](Communicator& c, const Tensor& t, ReduceOp op) {
             py::gil_scoped_release release;
             return c.all_reduce_async(t, op);
           }, py::arg("tensor"), py::arg("op"))
      .def("broadcast_async", [](Communicator& c, const Tensor& t, int src) {
             py::gil_scoped_release release;
             return c.broadcast_async(t, src);
           }, py::arg("tensor"), py::arg("src"))
      .def("all_gather_async", [](Communicator& c, const Tensor& output, const Tensor& input) {
             py::gil_scoped_release release;
             return c.all_gather_async(output, input);
           }, py::arg("output"), py::arg("input"))
      .def("reduce_scatter_async", [](Communicator& c, const Tensor& output, const Tensor& input, ReduceOp op) {
             py::gil_scoped_release release;
             return c.reduce_scatter_async(output, input, op);
           }, py::arg("output"), py::arg("input"), py::arg("op"))
      .def("barrier_async", [](Communicator& c) {
             py::gil_scoped_release release;
             return c.barrier_async();
           })
      .def("shutdown", [](Communicator& c) {
             py::gil_scoped_release release;
             c.shutdown();
           }, "Ends the group after its queued collectives ran.");

  m.def("new_local", [](double timeout_s) { return distrib::make_local_communicator(timeout_from_seconds(timeout_s)); },
        py::arg("timeout_s"), "The single-process group (rank 0 of 1).");
  m.def("new_mpi", [](double timeout_s) {
          Timeout t = timeout_from_seconds(timeout_s);
          py::gil_scoped_release release;
          return distrib::make_mpi_communicator(t);
        }, py::arg("timeout_s"), "A group over MPI_COMM_WORLD (initialises MPI on first use).");
  m.def("mpi_built", &distrib::mpi_built, "Whether rustorch was built with the MPI backend.");
  m.def("mpi_finalize", [] {
    py::gil_scoped_release release;
    distrib::mpi_finalize();
  }, "Finalizes MPI (once per process; it cannot be initialised again).");
  m.def("mpi_abort", [](int code) {
    py::gil_scoped_release release;
    distrib::mpi_abort(code);
  }, py::arg("code"), "Ends every process of the MPI job with exit code `code` (no-op without MPI).");
  m.def("launcher_rank", &distrib::launcher_rank, "This process's rank as set by mpirun, or -1.");
  m.def("launcher_size", &distrib::launcher_size, "The job's size as set by mpirun, or -1.");
}

}  // namespace rustorch::python

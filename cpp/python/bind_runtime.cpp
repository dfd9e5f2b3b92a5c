// Runtime controls: threads, seeding, the allocator cache, and the op registry.
#include "bind_common.hpp"
#include "rustorch/core/allocator.hpp"
#include "rustorch/core/device.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch::python {

void bind_runtime(py::module_& m) {
  m.def("set_num_threads", &set_num_threads, py::arg("n"),
        R"doc(Sets the number of threads used by rustorch kernels and OpenBLAS together.

Args:
    n (int): the number of threads.

Example:
    >>> n = rt.get_num_threads()
    >>> rt.set_num_threads(1)
    >>> rt.get_num_threads()
    1
    >>> rt.set_num_threads(n)
)doc");
  m.def("get_num_threads", &get_num_threads, R"doc(The number of threads used by rustorch kernels and OpenBLAS.

Returns:
    int: the number of threads (see ``set_num_threads``).

Example:
    >>> rt.get_num_threads() >= 1
    True
)doc");

  py::class_<Generator, std::shared_ptr<Generator>>(m, "Generator",
                                                    R"doc(A seedable pseudo-random generator (xoshiro256**).

Pass it as ``generator=`` to the random functions to draw from it instead of the default generator
(``rt.default_generator``). ``manual_seed`` returns the generator, so it chains.

Args:
    device (str or device): the generator's device: ``'cpu'`` (anything else raises ValueError, as the
        creation functions do). Default: ``'cpu'``.

Example:
    >>> g = rt.Generator().manual_seed(0)
    >>> a = rt.rand(3, generator=g)
    >>> _ = g.manual_seed(0)
    >>> bool((rt.rand(3, generator=g) == a).all())
    True
    >>> g.initial_seed()
    0
)doc")
      .def(py::init([](py::object device) {
             if (!device.is_none()) parse_device(py::str(device));
             return std::make_shared<Generator>();
           }),
           py::arg("device") = "cpu")
      .def("manual_seed", [](std::shared_ptr<Generator> g, uint64_t seed) {
             std::lock_guard<std::mutex> lock(g->mutex());
             g->manual_seed(seed);
             return g;
           }, py::arg("seed"), "Seeds this generator and returns it.")
      .def("seed", [](Generator& g) {
        std::lock_guard<std::mutex> lock(g.mutex());
        return g.seed();
      }, "Seeds this generator from a nondeterministic source and returns the seed.")
      .def("initial_seed", &Generator::initial_seed, "The seed this generator was last seeded with.")
      .def("get_state", [](Generator& g) {
        std::lock_guard<std::mutex> lock(g.mutex());
        return g.get_state();
      }, "The generator's state as a list of integers (for set_state).")
      .def("set_state", [](Generator& g, const std::vector<uint64_t>& s) {
             std::lock_guard<std::mutex> lock(g.mutex());
             g.set_state(s);
           }, py::arg("state"), "Restores a state returned by get_state().");
  m.attr("default_generator") = std::shared_ptr<Generator>(std::shared_ptr<Generator>{}, &default_generator());
  m.def("manual_seed", [](uint64_t seed) { manual_seed(seed); }, py::arg("seed"),
        R"doc(Seeds the default generator so random creation is reproducible.

Args:
    seed (int): the seed, a non-negative integer below 2**64.

Example:
    >>> rt.manual_seed(42)
    >>> a = rt.rand(3)
    >>> rt.manual_seed(42)
    >>> bool((rt.rand(3) == a).all())
    True
    >>> rt.initial_seed()
    42
)doc");
  m.def("initial_seed", [] { return default_generator().initial_seed(); },
        R"doc(The seed the default generator was last seeded with.

Returns:
    int: the seed given to ``manual_seed`` (or drawn by ``seed``).

Example:
    >>> rt.manual_seed(7)
    >>> rt.initial_seed()
    7
)doc");
  m.def("seed", [] {
    std::lock_guard<std::mutex> lock(default_generator().mutex());
    return default_generator().seed();
  }, R"doc(Seeds the default generator from a nondeterministic source and returns the seed.

Returns:
    int: the new seed (also returned by ``initial_seed`` afterwards).

Example:
    >>> s = rt.seed()
    >>> rt.initial_seed() == s
    True
)doc");

  m.def("_allocator_stats", [] {
    auto s = allocator::stats();
    py::dict d;
    d["allocated_bytes"] = s.allocated_bytes;
    d["cached_bytes"] = s.cached_bytes;
    d["cache_hits"] = s.cache_hits;
    d["cache_misses"] = s.cache_misses;
    d["cache_limit"] = s.cache_limit;
    return d;
  });
  m.def("_empty_cache", &allocator::empty_cache, "Frees the allocator's cached blocks.");
  m.def("_set_cache_limit", &allocator::set_cache_limit, py::arg("bytes"));
  m.def("_registered_ops", [] {
    py::list out;
    for (const auto& op : registered_ops()) out.append(py::make_tuple(op.name, op.differentiable));
    return out;
  }, "(name, differentiable) of every op registered in the engine.");
}

}  // namespace rustorch::python

// Python bindings of the data-loading fast paths (rustorch._C._data): batch gathers and the
// background prefetcher, index sampling, idx header validation and uint8 image conversion.
// Copies run with the GIL released so that loader threads overlap with the training thread.
#include "bind_common.hpp"
#include "rustorch/core/error.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/data/gather.hpp"
#include "rustorch/data/idx.hpp"
#include "rustorch/data/image.hpp"
#include "rustorch/data/sampling.hpp"

namespace rustorch::python {

namespace {

using data::BatchGather;
using IndexArray = py::array_t<int64_t, py::array::c_style | py::array::forcecast>;

Generator& generator_from(const py::object& g) {
  if (g.is_none()) return default_generator();
  return *g.cast<std::shared_ptr<Generator>>();
}

// A NumPy array that owns the vector's buffer (no copy).
template <class T> py::array_t<T> to_numpy(std::vector<T>&& v) {
  auto* heap = new std::vector<T>(std::move(v));
  py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(heap->size())}, {static_cast<py::ssize_t>(sizeof(T))},
                        heap->data(), owner);
}

py::list to_list(const TensorList& ts) {
  py::list out;
  for (const Tensor& t : ts) out.append(py::cast(t));
  return out;
}

TensorList gather_call(const BatchGather& g, const IndexArray& idx, bool parallel) {
  RT_CHECK(idx.ndim() == 1, ValueError, "gather: indices must be 1-D, got ", idx.ndim(), " dims");
  const int64_t* p = idx.data();
  const int64_t n = idx.shape(0);
  py::gil_scoped_release nogil;
  return g.gather(p, n, parallel);
}

std::vector<int64_t> vector_from(const IndexArray& idx) {
  RT_CHECK(idx.ndim() == 1, ValueError, "indices must be 1-D, got ", idx.ndim(), " dims");
  return std::vector<int64_t>(idx.data(), idx.data() + idx.shape(0));
}

}  // namespace

void bind_data(py::module_& root) {
  py::module_ m = root.def_submodule("_data", "Data-loading fast paths used by rustorch.data (private).");

  py::class_<BatchGather, std::shared_ptr<BatchGather>>(m, "BatchGather",
                                                          "Gathers a collated batch from sample indices.")
      .def_property_readonly("size", &BatchGather::size, "Number of samples addressable.")
      .def("__len__", &BatchGather::size)
      .def("__call__", [](const BatchGather& g, const IndexArray& idx, bool parallel) {
             return to_list(gather_call(g, idx, parallel));
           }, py::arg("indices"), py::arg("parallel") = true,
           "The batch for these sample indices: a list with one tensor per field (GIL released).");
  py::class_<data::RowGather, BatchGather, std::shared_ptr<data::RowGather>>(
      m, "RowGather", "Rows of tensors sharing their first dim (TensorDataset with the default collate).")
      .def(py::init([](const TensorList& sources) { return std::make_shared<data::RowGather>(sources); }),
           py::arg("tensors"))
      .def_property_readonly("tensors", [](const data::RowGather& g) { return to_list(g.sources()); });
  py::class_<data::WindowGather, BatchGather, std::shared_ptr<data::WindowGather>>(
      m, "WindowGather", "(input, target) windows of a 1-D token tensor, shifted by one (language models).")
      .def(py::init([](const Tensor& tokens, int64_t seq_len, int64_t stride) {
             return std::make_shared<data::WindowGather>(tokens, seq_len, stride);
           }), py::arg("tokens"), py::arg("seq_len"), py::arg("stride") = 1);
  py::class_<data::MappedGather, BatchGather, std::shared_ptr<data::MappedGather>>(
      m, "MappedGather", "Another gather seen through an index map (Subset).")
      .def(py::init([](std::shared_ptr<BatchGather> inner, const IndexArray& map) {
             return std::make_shared<data::MappedGather>(inner, vector_from(map));
           }), py::arg("inner"), py::arg("indices"));

  py::class_<data::BatchPrefetcher>(m, "BatchPrefetcher",
                                     "Gathers an epoch's batches on background threads; iterate for them in order.")
      .def(py::init([](std::shared_ptr<BatchGather> gather, const IndexArray& indices, int64_t batch_size,
                       bool drop_last, int num_workers, int depth) {
             return std::make_unique<data::BatchPrefetcher>(gather, vector_from(indices), batch_size, drop_last,
                                                            num_workers, depth);
           }), py::arg("gather"), py::arg("indices"), py::arg("batch_size"), py::arg("drop_last"),
           py::arg("num_workers"), py::arg("depth"))
      .def("__len__", &data::BatchPrefetcher::num_batches)
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", [](data::BatchPrefetcher& p) {
        std::optional<TensorList> batch;
        {
          py::gil_scoped_release nogil;
          batch = p.next();
        }
        if (!batch) throw py::stop_iteration();
        return to_list(*batch);
      });

  m.def("randperm", [](int64_t n, py::object generator) { return to_numpy(data::randperm(n, generator_from(generator))); },
        py::arg("n"), py::arg("generator") = py::none(), "A random permutation of 0..n-1 as an int64 NumPy array.");
  m.def("randint", [](int64_t low, int64_t high, int64_t count, py::object generator) {
          return to_numpy(data::randint(low, high, count, generator_from(generator)));
        }, py::arg("low"), py::arg("high"), py::arg("count"), py::arg("generator") = py::none(),
        "count integers uniform in [low, high) as an int64 NumPy array.");
  m.def("uniform", [](int64_t count, py::object generator) {
          return to_numpy(data::uniform(count, generator_from(generator)));
        }, py::arg("count"), py::arg("generator") = py::none(), "count doubles uniform in [0, 1).");
  m.def("random_seed", [](py::object generator) {
          Generator& g = generator_from(generator);
          std::lock_guard<std::mutex> lock(g.mutex());
          return static_cast<int64_t>(g.next_u64() >> 1);
        }, py::arg("generator") = py::none(), "A non-negative int64 drawn from the generator (a derived seed).");
  m.def("multinomial", [](const std::vector<double>& weights, int64_t count, bool replacement, py::object generator) {
          return to_numpy(data::multinomial(weights, count, replacement, generator_from(generator)));
        }, py::arg("weights"), py::arg("num_samples"), py::arg("replacement"), py::arg("generator") = py::none(),
        "Indices drawn with probability proportional to weights, as an int64 NumPy array.");
  m.def("torch_randperm", [](int64_t n, uint64_t seed) { return to_numpy(data::torch_randperm(n, seed)); },
        py::arg("n"), py::arg("seed"),
        "torch.randperm(n, generator=torch.Generator().manual_seed(seed)), value for value.");

  m.def("parse_idx", [](py::buffer buf, const std::string& name) {
          py::buffer_info info = buf.request();
          const size_t nbytes = static_cast<size_t>(info.size * info.itemsize);
          data::IdxHeader h = data::parse_idx(static_cast<const uint8_t*>(info.ptr), nbytes, name);
          return py::make_tuple(py::int_(h.type_code), shape_to_python(h.dims), py::int_(h.data_offset));
        }, py::arg("buffer"), py::arg("name"),
        "Validates idx bytes; returns (type_code, dims, data_offset) or raises ValueError naming the file.");
  m.def("u8_images_to_float", [](py::array_t<uint8_t, py::array::c_style | py::array::forcecast> images, bool batched,
                                 std::vector<double> mean, std::vector<double> std, DType dtype) {
          Shape shape(images.shape(), images.shape() + images.ndim());
          const uint8_t* p = images.data();
          py::gil_scoped_release nogil;
          return data::u8_images_to_float(p, shape, batched, mean, std, dtype, /*parallel=*/true);
        }, py::arg("images"), py::arg("batched"), py::arg("mean") = std::vector<double>{0.0},
        py::arg("std") = std::vector<double>{1.0}, py::arg("dtype") = DType::Float32,
        "uint8 HW/HWC images (or N-batched) to float CHW: (x / 255 - mean) / std, one pass, GIL released.");
  m.def("normalize", [](const Tensor& x, std::vector<double> mean, std::vector<double> std) {
          py::gil_scoped_release nogil;
          return data::normalize_channels(x, mean, std);
        }, py::arg("tensor"), py::arg("mean"), py::arg("std"),
        "(x - mean[c]) / std[c] over dim -3 of a float (..., C, H, W) tensor, as a new tensor.");
  m.def("stack", [](const TensorList& samples) {
          py::gil_scoped_release nogil;
          return data::stack_samples(samples);
        }, py::arg("tensors"), "Stacks same-shape tensors into a new batch tensor (collate).");
  m.def("select_row", [](const Tensor& t, int64_t i) {
          RT_CHECK(t.dim() >= 1, IndexError, "select_row: a 0-d tensor has no rows");
          const int64_t n = t.shape()[0];
          const int64_t j = i < 0 ? i + n : i;
          RT_CHECK(j >= 0 && j < n, IndexError, "index ", i, " is out of bounds for dimension 0 with size ", n);
          Shape sizes(t.shape().begin() + 1, t.shape().end()), strides(t.strides().begin() + 1, t.strides().end());
          return t.as_strided(sizes, strides, t.offset() + j * t.strides()[0]);
        }, py::arg("tensor"), py::arg("index"), "A view of row `index` of a tensor (no autograd).");
}

}  // namespace rustorch::python

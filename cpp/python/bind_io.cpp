// Python bindings of the file formats (rustorch._C._io): the safetensors reader and writer used
// by rustorch.serialization. Parsing, conversion and writing run with the GIL released.
#include "bind_common.hpp"

#include <cstring>

#include "rustorch/core/error.hpp"
#include "rustorch/io/safetensors.hpp"

namespace rustorch::python {

namespace {

using NamedTensors = std::vector<std::pair<std::string, Tensor>>;
using Metadata = std::map<std::string, std::string>;

py::tuple loaded_to_python(io::LoadedSafetensors&& loaded) {
  py::list tensors;
  for (auto& [name, t] : loaded.tensors) tensors.append(py::make_tuple(name, py::cast(t)));
  py::dict metadata;
  for (auto& [k, v] : loaded.metadata) metadata[py::str(k)] = py::str(v);
  return py::make_tuple(tensors, metadata);
}

}  // namespace

void bind_io(py::module_& root) {
  py::module_ m = root.def_submodule("_io", "File formats used by rustorch.serialization (private).");

  m.def("load_safetensors", [](const std::string& path) {
        io::LoadedSafetensors loaded;
        {
          py::gil_scoped_release nogil;
          loaded = io::load_safetensors(path);
        }
        return loaded_to_python(std::move(loaded));
      }, py::arg("path"),
      "Reads a safetensors file: ([(name, tensor), ...] in file order, metadata dict). Raises ValueError "
      "naming the file for malformed content, RuntimeError for I/O failures.");
  m.def("load_safetensors_bytes", [](py::bytes data, const std::string& name) {
        std::string_view view = data;
        io::LoadedSafetensors loaded;
        {
          py::gil_scoped_release nogil;
          loaded = io::load_safetensors_bytes(reinterpret_cast<const uint8_t*>(view.data()), view.size(), name);
        }
        return loaded_to_python(std::move(loaded));
      }, py::arg("data"), py::arg("name") = "<bytes>",
      "Parses a safetensors image held in a bytes object (same result and errors as load_safetensors).");
  m.def("write_safetensors", [](int fd, const NamedTensors& tensors, const Metadata& metadata) {
        py::gil_scoped_release nogil;
        io::write_safetensors(fd, tensors, metadata);
      }, py::arg("fd"), py::arg("tensors"), py::arg("metadata"),
      "Writes a safetensors image of [(name, tensor), ...] to an open file descriptor.");
  m.def("serialize_safetensors", [](const NamedTensors& tensors, const Metadata& metadata) {
        // Written straight into the bytes object's buffer: one copy of the data.
        const std::string header = io::safetensors_header(tensors, metadata);
        const uint64_t total = header.size() + io::safetensors_data_size(tensors);
        PyObject* raw = PyBytes_FromStringAndSize(nullptr, static_cast<Py_ssize_t>(total));
        if (raw == nullptr) throw py::error_already_set();
        py::bytes out = py::reinterpret_steal<py::bytes>(raw);
        char* dst = PyBytes_AS_STRING(raw);
        uint64_t left = total;
        {
          py::gil_scoped_release nogil;
          io::emit_safetensors(tensors, header, [&dst, &left](const void* p, size_t n) {
            RT_CHECK(n <= left, Error, "serialize_safetensors: a tensor changed size while being written");
            std::memcpy(dst, p, n);
            dst += n;
            left -= n;
          });
        }
        return out;
      }, py::arg("tensors"), py::arg("metadata"), "The safetensors image of [(name, tensor), ...] as bytes.");
  m.def("storage_info", [](const Tensor& t) {
        const auto& st = t.storage();
        return py::make_tuple(reinterpret_cast<uintptr_t>(st->data()), st->nbytes());
      }, py::arg("tensor"),
      "(address, nbytes) of the storage a tensor views: tensors that share memory share it.");
  m.def("safetensors_entries", [](py::bytes data) {
        std::string_view view = data;
        io::SafetensorsFile f = io::parse_safetensors(reinterpret_cast<const uint8_t*>(view.data()), view.size());
        py::list out;
        for (const auto& e : f.tensors)
          out.append(py::make_tuple(e.name, io::st_dtype_name(e.dtype), shape_to_python(e.shape), e.begin, e.end));
        return py::make_tuple(out, f.data_offset);
      }, py::arg("data"),
      "Validated header of a safetensors image: ([(name, dtype, shape, begin, end), ...], data_offset).");
}

}  // namespace rustorch::python

// einsum: parses the equation, takes diagonals of repeated subscripts (multiply by an identity
// mask and sum), sums subscripts no longer needed, and contracts the operands left to right with
// matmul (or mul + sum when a product has no rows or columns to speak of). Every step is a
// differentiable op, so einsum needs no backward rule of its own.
#include <algorithm>
#include <array>
#include <numeric>

#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch {

RT_REGISTER_OP("einsum", true);

namespace {

constexpr int kLetters = 52;  // label ids: 'A'-'Z' -> 0..25, 'a'-'z' -> 26..51, ellipsis dims -> 52..
constexpr int kEllipsis = -1;

std::string label_name(int id) {
  if (id < 26) return std::string(1, static_cast<char>('A' + id));
  if (id < kLetters) return std::string(1, static_cast<char>('a' + id - 26));
  return "... dim " + std::to_string(id - kLetters);
}

// Subscripts of one term; kEllipsis marks "...".
std::vector<int> parse_term(const std::string& term, const std::string& equation) {
  std::vector<int> out;
  for (size_t i = 0; i < term.size(); ++i) {
    const char c = term[i];
    if (c == '.') {  // the start of a "..." (einsum() checked every '.' of the equation)
      RT_CHECK(std::find(out.begin(), out.end(), kEllipsis) == out.end(), ValueError,
               "einsum: more than one ellipsis in a term of equation '", equation, "'");
      out.push_back(kEllipsis);
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(c - 'A');
    } else if (c >= 'a' && c <= 'z') {
      out.push_back(c - 'a' + 26);
    } else {
      RT_THROW(ValueError, "einsum: invalid subscript '", c, "' in equation '", equation,
               "' (subscripts are letters a-z, A-Z)");
    }
  }
  return out;
}

// A tensor whose dim d carries subscript labels[d].
struct Term {
  Tensor t;
  std::vector<int> labels;
};

int64_t find_dim(const std::vector<int>& labels, int label) {
  return std::find(labels.begin(), labels.end(), label) - labels.begin();
}

// Removes dim d of x by summing it.
void sum_dim(Term& x, int64_t d) {
  x.t = sum(x.t, {d}, false);
  x.labels.erase(x.labels.begin() + d);
}

// Diagonal over dims d1 < d2 with the same label: x * I (broadcast on d1, d2), summed over d2.
void take_diagonal(Term& x, int64_t d1, int64_t d2) {
  const int64_t n = x.t.shape()[d1];
  Shape mask_shape(x.t.dim(), 1);
  mask_shape[d1] = n;
  mask_shape[d2] = n;
  const Tensor mask = reshape(eye(n, n, x.t.dtype()), mask_shape);
  x.t = sum(mul(x.t, mask), {d2}, false);
  x.labels.erase(x.labels.begin() + d2);
}

// Permutes x's dims into the order of `order` (a superset of x's labels), inserting size-1 dims for
// labels x lacks.
Tensor align(const Term& x, const std::vector<int>& order) {
  std::vector<int64_t> perm;
  Shape shape;
  for (int label : order) {
    const int64_t d = find_dim(x.labels, label);
    if (d < static_cast<int64_t>(x.labels.size())) {
      perm.push_back(d);
      shape.push_back(x.t.shape()[d]);
    } else {
      shape.push_back(1);
    }
  }
  return reshape(permute(x.t, perm), shape);
}

int64_t size_of(const Term& x, int label) {
  const int64_t d = find_dim(x.labels, label);
  return d < static_cast<int64_t>(x.labels.size()) ? x.t.shape()[d] : 1;
}

bool has(const std::vector<int>& v, int label) { return std::find(v.begin(), v.end(), label) != v.end(); }

// Contracts a and b over `contracted`, keeping the labels in `keep` order: batch (in both), then
// a's own, then b's own.
Term contract(Term a, Term b, const std::vector<int>& batch, const std::vector<int>& contracted) {
  std::vector<int> left, right;
  for (int l : a.labels)
    if (!has(batch, l) && !has(contracted, l)) left.push_back(l);
  for (int l : b.labels)
    if (!has(batch, l) && !has(contracted, l)) right.push_back(l);
  // A contracted label of size 1 on one side broadcasts: sum the other side first.
  for (int l : contracted) {
    const int64_t sa = size_of(a, l), sb = size_of(b, l);
    if (sa == sb) continue;
    if (sa == 1) b.t = sum(b.t, {find_dim(b.labels, l)}, true);
    else a.t = sum(a.t, {find_dim(a.labels, l)}, true);
  }
  int64_t lp = 1, rp = 1, kp = 1;
  Shape batch_shape;
  for (int l : left) lp *= size_of(a, l);
  for (int l : right) rp *= size_of(b, l);
  for (int l : contracted) kp *= size_of(a, l);
  for (int l : batch) {  // broadcast: a size of 1 takes the other's, which may be 0 (not the larger)
    const int64_t sa = size_of(a, l);
    batch_shape.push_back(sa == 1 ? size_of(b, l) : sa);
  }

  std::vector<int> out_labels = batch;
  out_labels.insert(out_labels.end(), left.begin(), left.end());
  out_labels.insert(out_labels.end(), right.begin(), right.end());

  if (contracted.empty() || (lp == 1 && rp == 1)) {
    // No GEMM worth the name: broadcast multiply over [out labels..., contracted...] and sum.
    std::vector<int> order = out_labels;
    order.insert(order.end(), contracted.begin(), contracted.end());
    Tensor prod = mul(align(a, order), align(b, order));
    if (!contracted.empty()) {
      std::vector<int64_t> dims(contracted.size());
      std::iota(dims.begin(), dims.end(), static_cast<int64_t>(out_labels.size()));
      prod = sum(prod, dims, false);
    }
    return {prod, out_labels};
  }
  // (batch..., left, contracted) @ (batch..., contracted, right)
  std::vector<int> a_order = batch, b_order = batch;
  a_order.insert(a_order.end(), left.begin(), left.end());
  a_order.insert(a_order.end(), contracted.begin(), contracted.end());
  b_order.insert(b_order.end(), contracted.begin(), contracted.end());
  b_order.insert(b_order.end(), right.begin(), right.end());
  auto batch_sizes = [&](const Term& x) {
    Shape s;
    for (int l : batch) s.push_back(size_of(x, l));
    return s;
  };
  Shape a_shape = batch_sizes(a), b_shape = batch_sizes(b);
  a_shape.insert(a_shape.end(), {lp, kp});
  b_shape.insert(b_shape.end(), {kp, rp});
  Tensor prod = matmul(reshape(align(a, a_order), a_shape), reshape(align(b, b_order), b_shape));
  Shape out_shape = batch_shape;
  for (int l : left) out_shape.push_back(size_of(a, l));
  for (int l : right) out_shape.push_back(size_of(b, l));
  return {reshape(prod, out_shape), out_labels};
}

}  // namespace

Tensor einsum(const std::string& equation_in, const TensorList& operands) {
  // Spaces are dropped, but not inside an ellipsis: ". .." is three stray dots, as in torch. After
  // this every '.' of `equation` belongs to a whole "...".
  std::string equation;
  for (size_t i = 0; i < equation_in.size(); ++i) {
    const char c = equation_in[i];
    if (c == '.') {
      RT_CHECK(equation_in.compare(i, 3, "...") == 0, ValueError, "einsum: invalid '.' in equation '", equation_in,
               "' (an ellipsis is written '...', without spaces)");
      equation += "...";
      i += 2;
    } else if (c != ' ') {
      equation += c;
    }
  }
  const size_t arrow = equation.find("->");
  const std::string lhs = equation.substr(0, arrow);
  std::vector<std::vector<int>> terms;
  for (size_t start = 0;;) {
    const size_t comma = lhs.find(',', start);
    const size_t len = comma == std::string::npos ? std::string::npos : comma - start;
    terms.push_back(parse_term(lhs.substr(start, len), equation));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  RT_CHECK(terms.size() == operands.size(), ValueError, "einsum: the equation '", equation_in, "' has ", terms.size(),
           " operand term(s) but ", operands.size(), " operand(s) were given");
  for (size_t i = 1; i < operands.size(); ++i)
    RT_CHECK(operands[i].dtype() == operands[0].dtype(), Error, "einsum: expected all operands to have the same dtype, "
             "but got ", dtype_name(operands[0].dtype()), " and ", dtype_name(operands[i].dtype()));

  // Ellipsis dims: right-aligned across operands, labelled kLetters + position.
  int64_t ell = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    const int64_t named = static_cast<int64_t>(terms[i].size()) - (has(terms[i], kEllipsis) ? 1 : 0);
    if (has(terms[i], kEllipsis)) {
      RT_CHECK(operands[i].dim() >= named, ValueError, "einsum: operand ", i, " has ", operands[i].dim(),
               " dims, fewer than the ", named, " subscripts of its term");
      ell = std::max(ell, operands[i].dim() - named);
    } else {
      RT_CHECK(operands[i].dim() == named, ValueError, "einsum: operand ", i, " has ", operands[i].dim(),
               " dims but its term has ", named, " subscripts");
    }
  }
  std::vector<Term> xs;
  std::array<int, kLetters> counts{};
  for (size_t i = 0; i < terms.size(); ++i) {
    Term x{operands[i], {}};
    const int64_t e = operands[i].dim() - (static_cast<int64_t>(terms[i].size()) - (has(terms[i], kEllipsis) ? 1 : 0));
    for (int l : terms[i]) {
      if (l == kEllipsis) {
        for (int64_t j = 0; j < e; ++j) x.labels.push_back(kLetters + static_cast<int>(ell - e + j));
      } else {
        x.labels.push_back(l);
        ++counts[l];
      }
    }
    xs.push_back(std::move(x));
  }
  // The output subscripts, explicit or implicit (ellipsis dims, then subscripts seen once, sorted).
  std::vector<int> out;
  const bool any_ellipsis = std::any_of(terms.begin(), terms.end(), [](const auto& t) { return has(t, kEllipsis); });
  if (arrow != std::string::npos) {
    for (int l : parse_term(equation.substr(arrow + 2), equation)) {
      if (l == kEllipsis) {
        for (int64_t j = 0; j < ell; ++j) out.push_back(kLetters + static_cast<int>(j));
        continue;
      }
      RT_CHECK(counts[l] > 0, ValueError, "einsum: output subscript ", label_name(l),
               " does not appear in the equation for any input operand");
      RT_CHECK(!has(out, l), ValueError, "einsum: output subscript ", label_name(l),
               " appears more than once in the output");
      out.push_back(l);
    }
  } else {
    if (any_ellipsis)
      for (int64_t j = 0; j < ell; ++j) out.push_back(kLetters + static_cast<int>(j));
    for (int l = 0; l < kLetters; ++l)
      if (counts[l] == 1) out.push_back(l);
  }

  // Sizes must agree (or be 1) across operands; repeated subscripts within a term become diagonals.
  std::vector<int64_t> sizes(kLetters + static_cast<size_t>(ell), 1);
  for (size_t i = 0; i < xs.size(); ++i) {
    Term& x = xs[i];
    for (int64_t d2 = 0; d2 < x.t.dim(); ++d2) {
      const int64_t d1 = find_dim(x.labels, x.labels[d2]);
      if (d1 < d2) {
        RT_CHECK(x.t.shape()[d1] == x.t.shape()[d2], ValueError, "einsum: subscript ", label_name(x.labels[d2]),
                 " is repeated for operand ", i, " but the sizes don't match, ", x.t.shape()[d1], " != ",
                 x.t.shape()[d2]);
        take_diagonal(x, d1, d2);
        --d2;
      }
    }
    for (int64_t d = 0; d < x.t.dim(); ++d) {
      int64_t& s = sizes[static_cast<size_t>(x.labels[d])];
      const int64_t n = x.t.shape()[d];
      RT_CHECK(s == 1 || n == 1 || s == n, ValueError, "einsum: subscript ", label_name(x.labels[d]), " has size ", n,
               " for operand ", i, " which does not broadcast with previously seen size ", s);
      if (n != 1) s = n;
    }
  }

  // Labels needed at or after operand i: the output's and those of operands i...
  auto needed_from = [&](size_t i) {
    std::vector<int> need = out;
    for (size_t j = i; j < xs.size(); ++j) need.insert(need.end(), xs[j].labels.begin(), xs[j].labels.end());
    return need;
  };
  // Sums the labels of x that nothing else needs.
  auto sum_unneeded = [](Term& x, const std::vector<int>& need) {
    for (int64_t d = x.t.dim() - 1; d >= 0; --d)
      if (!has(need, x.labels[d])) sum_dim(x, d);
  };
  Term acc = xs[0];
  sum_unneeded(acc, needed_from(1));
  for (size_t i = 1; i < xs.size(); ++i) {
    Term& x = xs[i];
    std::vector<int> need_after = needed_from(i + 1), need_x = need_after;
    need_x.insert(need_x.end(), acc.labels.begin(), acc.labels.end());
    sum_unneeded(x, need_x);
    std::vector<int> need_acc = need_after;
    need_acc.insert(need_acc.end(), x.labels.begin(), x.labels.end());
    sum_unneeded(acc, need_acc);
    std::vector<int> batch, contracted;
    for (int l : acc.labels) {
      if (!has(x.labels, l)) continue;
      (has(need_after, l) ? batch : contracted).push_back(l);
    }
    acc = contract(acc, x, batch, contracted);
  }
  sum_unneeded(acc, out);
  // Output order; a subscript of size 1 in acc broadcast to a larger size elsewhere cannot occur,
  // since every larger operand was folded into acc.
  std::vector<int64_t> perm;
  for (int l : out) perm.push_back(find_dim(acc.labels, l));
  return permute(acc.t, perm);
}

}  // namespace rustorch

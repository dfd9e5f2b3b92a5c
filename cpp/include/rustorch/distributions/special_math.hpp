// Scalar special functions in double precision, shared by the elementwise ops and the samplers.
#pragma once

namespace rustorch::distributions::math {

double lgamma(double x);    // log|Gamma(x)| (thread-safe)
double digamma(double x);
double trigamma(double x);
double erfinv(double y);
double gammainc(double a, double x);               // regularized lower incomplete gamma P(a, x)
double standard_gamma_grad(double a, double x);    // d x / d a for x ~ Gamma(a, 1) (implicit reparam.)

}  // namespace rustorch::distributions::math

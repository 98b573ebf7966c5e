// APIContract: the types swift-openapi-generator makes from openapi.yaml (at build time, in this target), shared by
// the HTTP service's routes and the procedures that answer them. Nothing is written by hand here.

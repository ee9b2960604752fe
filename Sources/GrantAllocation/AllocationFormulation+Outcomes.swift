import LinearProgramming

extension AllocationFormulation {
  /// Each measure's outcome (share, partner hours, status and reason) at `values`, one value per
  /// model variable, read exactly as a solve's point is read (``SolutionReader``): for allocations
  /// found outside ``Allocator``, such as a decomposition's.
  ///
  /// - Precondition: `values.count == model.variables.count`.
  public func outcomes(at values: [Double]) -> [MeasureOutcome] {
    SolutionReader(formulation: self, values: values).outcomes()
  }
}

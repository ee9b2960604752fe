import LinearProgramming

/// A solver that reads the allocation model's structure (its ranked lists, frames and partners),
/// not only its rows: what a structure-exploiting ``LinearProgramming/SolveMethod`` such as
/// ``LinearProgramming/SolveMethod/decomposition`` needs. ``Allocator`` hands it the formulation
/// when that method is asked for.
public protocol FormulationSolver: Sendable {
  /// Solves every stage of `formulation`'s model within `options`' limits.
  ///
  /// - Returns: the solution (one value per model variable, when it has one) and the method that
  ///   actually solved it: a model the structured method does not take is solved another way and
  ///   must say so.
  func solve(_ formulation: AllocationFormulation, options: SolveOptions) -> FormulationSolution
}

/// What a ``FormulationSolver`` found, and how.
public struct FormulationSolution: Sendable {
  public var solution: Solution
  /// The method that produced ``solution`` (recorded in the result's parameters).
  public var method: SolveMethod

  public init(solution: Solution, method: SolveMethod) {
    self.solution = solution
    self.method = method
  }
}

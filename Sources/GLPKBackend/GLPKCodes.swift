import CGLPK
import LinearProgramming

/// A return code of `glp_simplex` or `glp_intopt`, as an open set (GLPK may add codes).
struct GLPKReturnCode: RawRepresentable, Equatable, CustomStringConvertible {
  let rawValue: Int32

  static let success = Self(rawValue: 0)
  /// GLPK: "the search was prematurely terminated, because the time limit has been exceeded."
  static let timeLimit = Self(rawValue: GLP_ETMLIM)
  /// GLPK: "the search was prematurely terminated, because the simplex iteration limit has been exceeded."
  static let iterationLimit = Self(rawValue: GLP_EITLIM)
  /// GLPK: "the search was prematurely terminated, because the relative mip gap tolerance has been reached."
  static let mipGapReached = Self(rawValue: GLP_EMIPGAP)
  /// GLPK: "the LP problem has no primal feasible solution" (presolver).
  static let noPrimalFeasible = Self(rawValue: GLP_ENOPFS)
  /// GLPK: "the LP problem has no dual feasible solution" (presolver).
  static let noDualFeasible = Self(rawValue: GLP_ENODFS)

  var description: String { "GLPK return code \(rawValue)" }
}

/// `glp_get_status` / `glp_mip_status`, mapped to the solver-neutral status.
enum GLPKStatus {
  /// Status of the basic solution after `glp_simplex`.
  static func simplex(_ problem: OpaquePointer) -> TerminationStatus {
    switch glp_get_status(problem) {
    case GLP_OPT: return .optimal
    case GLP_FEAS: return .feasible
    case GLP_NOFEAS, GLP_INFEAS: return .infeasible
    case GLP_UNBND: return .unbounded
    default:
      // GLP_UNDEF: GLPK says the solution "is undefined"; the primal status tells which side failed.
      return glp_get_prim_stat(problem) == GLP_NOFEAS ? .infeasible : .solverFailure
    }
  }

  /// Status of the integer solution after `glp_intopt`.
  static func mip(_ problem: OpaquePointer, returnCode: GLPKReturnCode) -> TerminationStatus {
    switch glp_mip_status(problem) {
    case GLP_OPT: return .optimal
    case GLP_FEAS: return returnCode == .mipGapReached ? .optimal : .feasible
    case GLP_NOFEAS: return .infeasible
    default:
      return returnCode == .timeLimit ? .timeLimitWithoutSolution : .solverFailure
    }
  }
}

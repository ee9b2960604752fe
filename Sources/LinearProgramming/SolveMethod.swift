/// How a solver works through each lexicographic stage.
public enum SolveMethod: String, Sendable, Codable, CaseIterable {
  /// The LP relaxation, then the solver's own branch-and-cut on the whole model, starting from
  /// the previous stage's point.
  case branchAndCut = "branch-and-cut"
  /// The LP relaxation gives the proven bound; an integer point is then built around it block by
  /// block (see ``LinearModel/linkingConstraints``): blocks whose integer choices the relaxation
  /// and the best known point agree on stay fixed, the rest are re-solved as a small
  /// mixed-integer program. Branch-and-cut on the whole model runs only when a gap to the bound
  /// remains, starting from that point.
  case blockSearch = "block-search"
}

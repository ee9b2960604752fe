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
  /// Column generation over the ranked lists bounds the stages up to the first priority stage;
  /// an integer allocation is built by fixing the lists the bound settles and searching the rest
  /// by branch-and-cut; the later stages are searched over the same lists and bounded by column
  /// generation again. Needs the allocation model's structure (the `Decomposition` module); a
  /// model it does not take is solved by branch-and-cut, and recorded so.
  case decomposition
}

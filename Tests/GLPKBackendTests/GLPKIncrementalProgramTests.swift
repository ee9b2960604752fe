import GLPKBackend
import LinearProgramming
import Testing

/// The incremental master program: warm re-solves after added columns, duals that price the next
/// column, and values refused before they reach GLPK.
@Suite("GLPK incremental program")
struct GLPKIncrementalProgramTests {
  /// min −3a − 2b − 4c with a + b + c ≤ 4 and a + 3b + 2c ≤ 6, all in [0, ∞): first with a and b,
  /// then c is added. Worked by hand: with a, b the optimum is a = 4 (−12), the first row's dual
  /// −3, the second's 0; c's reduced cost is −4 − (−3)(1) − 0 = −1 < 0, so c enters; the optimum
  /// is then a = 2, c = 2 (−14), duals −2 and −1.
  @Test("adding a column with negative reduced cost and solving again improves the optimum")
  func addColumnAndResolve() throws {
    let program = GLPKIncrementalProgramFactory().makeProgram()
    let capacity = try program.addRow(lower: nil, upper: 4)
    let weight = try program.addRow(lower: nil, upper: 6)
    _ = try program.addColumn(
      cost: -3, lower: 0, upper: nil, entries: [ColumnEntry(row: capacity, coefficient: 1), ColumnEntry(row: weight, coefficient: 1)])
    _ = try program.addColumn(
      cost: -2, lower: 0, upper: nil, entries: [ColumnEntry(row: capacity, coefficient: 1), ColumnEntry(row: weight, coefficient: 3)])
    #expect(program.solve(seconds: 10) == .optimal)
    #expect(abs(program.objectiveValue() + 12) < 1e-9)
    let duals = program.rowDuals()
    #expect(abs(duals[0] + 3) < 1e-9 && abs(duals[1]) < 1e-9)
    let reducedCost = -4 - (duals[0] * 1 + duals[1] * 2)
    #expect(reducedCost < -0.5)
    _ = try program.addColumn(
      cost: -4, lower: 0, upper: nil, entries: [ColumnEntry(row: capacity, coefficient: 1), ColumnEntry(row: weight, coefficient: 2)])
    #expect(program.solve(seconds: 10) == .optimal)
    #expect(abs(program.objectiveValue() + 14) < 1e-9)
    let values = program.columnValues()
    #expect(values.count == 3)
    #expect(abs(values[0] - 2) < 1e-9 && abs(values[1]) < 1e-9 && abs(values[2] - 2) < 1e-9)
    let newDuals = program.rowDuals()
    #expect(abs(newDuals[0] + 2) < 1e-9 && abs(newDuals[1] + 1) < 1e-9)
  }

  @Test("an equality row no column can meet is infeasible; fixing a column's bounds is honoured")
  func infeasibleAndBounds() throws {
    let program = GLPKIncrementalProgramFactory().makeProgram()
    let row = try program.addRow(lower: 5, upper: 5)
    let column = try program.addColumn(cost: 1, lower: 0, upper: 2, entries: [ColumnEntry(row: row, coefficient: 1)])
    #expect(program.solve(seconds: 10) == .infeasible)
    try program.setBounds(column: column, lower: 0, upper: nil)
    #expect(program.solve(seconds: 10) == .optimal)
    #expect(abs(program.objectiveValue() - 5) < 1e-9)
    try program.setCost(column: column, 2)
    #expect(program.solve(seconds: 10) == .optimal)
    #expect(abs(program.objectiveValue() - 10) < 1e-9)
  }

  @Test("values GLPK would abort on are refused in Swift")
  func refusals() throws {
    let program = GLPKIncrementalProgramFactory().makeProgram()
    #expect(program.solve(seconds: 1) == .invalidModel)
    #expect(throws: IncrementalProgramDefect.self) { try program.addRow(lower: 2, upper: 1) }
    #expect(throws: IncrementalProgramDefect.self) { try program.addRow(lower: .nan, upper: nil) }
    let row = try program.addRow(lower: 0, upper: 1)
    #expect(throws: IncrementalProgramDefect.self) {
      try program.addColumn(cost: 1, lower: 0, upper: 1, entries: [ColumnEntry(row: row + 1, coefficient: 1)])
    }
    #expect(throws: IncrementalProgramDefect.self) {
      try program.addColumn(
        cost: 1, lower: 0, upper: 1, entries: [ColumnEntry(row: row, coefficient: 1), ColumnEntry(row: row, coefficient: 2)])
    }
    #expect(throws: IncrementalProgramDefect.self) {
      try program.addColumn(cost: .infinity, lower: 0, upper: 1, entries: [])
    }
    #expect(throws: IncrementalProgramDefect.self) { try program.setCost(column: 0, 1) }
    #expect(program.rowCount == 1 && program.columnCount == 0)
  }
}

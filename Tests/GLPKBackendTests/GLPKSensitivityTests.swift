import GLPKBackend
import LinearProgramming
import Testing

@Suite("GLPK sensitivity analysis")
struct GLPKSensitivityTests {
  let solver = GLPKSolver()

  @Test("an LP's shadow price and range match the hand calculation")
  func linearProgram() throws {
    // max 3x + 2y  s.t.  a: x + y ≤ 4,  b: x + 3y ≤ 6  →  x = 4, y = 0.
    // a binds with dual 3 while its limit stays in [0, 6] (at 6, b starts to bind); b has slack 2.
    var model = LinearModel()
    let x = model.addVariable(name: "x", lowerBound: 0)
    let y = model.addVariable(name: "y", lowerBound: 0)
    let a = model.addConstraint(name: "a", terms: [LinearTerm(1, x), LinearTerm(1, y)], upperBound: 4)
    let b = model.addConstraint(name: "b", terms: [LinearTerm(1, x), LinearTerm(3, y)], upperBound: 6)
    model.objectives = [Objective(name: "value", sense: .maximize, terms: [LinearTerm(3, x), LinearTerm(2, y)], relativeTolerance: 0)]
    let solution = solver.solve(model, options: SolveOptions())
    let stages = solver.sensitivity(of: model, fixingIntegersAt: solution.values, stages: [0], rows: [a, b], options: SolveOptions())
    let rows = try #require(stages.first?.rows)
    #expect(stages.first?.status == .optimal)
    #expect(rows[0].binding && abs(rows[0].dual - 3) < 1e-9)
    #expect(abs((rows[0].lowerLimit ?? -1) - 0) < 1e-9 && abs((rows[0].upperLimit ?? -1) - 6) < 1e-9)
    #expect(!rows[1].binding && rows[1].dual == 0 && abs(rows[1].activity - 4) < 1e-9)
    #expect(abs((rows[1].lowerLimit ?? -1) - 4) < 1e-9 && rows[1].upperLimit == nil)
  }

  @Test("with integers fixed, the dual is the continuous part's, and says so by its range")
  func mixedInteger() throws {
    // max 5z + y  s.t.  r: 2z + y ≤ 4,  y ≤ 3,  z binary  →  z = 1, y = 2.
    // With z fixed at 1: max y, y ≤ 4 − 2 → dual 1 while the limit stays in [2, 5].
    var model = LinearModel()
    let z = model.addVariable(name: "z", kind: .binary)
    let y = model.addVariable(name: "y", lowerBound: 0, upperBound: 3)
    let r = model.addConstraint(name: "r", terms: [LinearTerm(2, z), LinearTerm(1, y)], upperBound: 4)
    model.objectives = [Objective(name: "value", sense: .maximize, terms: [LinearTerm(5, z), LinearTerm(1, y)], relativeTolerance: 0)]
    let solution = solver.solve(model, options: SolveOptions())
    #expect(solution[z] == 1)
    let row = try #require(
      solver.sensitivity(of: model, fixingIntegersAt: solution.values, stages: [0], rows: [r], options: SolveOptions()).first?.rows.first)
    #expect(row.binding && abs(row.dual - 1) < 1e-9)
    #expect(abs((row.lowerLimit ?? -1) - 2) < 1e-9 && abs((row.upperLimit ?? -1) - 5) < 1e-9)
  }

  @Test("a later stage is analysed with the earlier stage's optimum kept")
  func laterStage() throws {
    // Stage 0: max x + y with x + y ≤ 4. Stage 1: max x with x ≤ 3 (row c).
    // In stage 1, c binds: one more unit of c gives one more x (y gives way), up to c = 4.
    var model = LinearModel()
    let x = model.addVariable(name: "x", lowerBound: 0)
    let y = model.addVariable(name: "y", lowerBound: 0)
    model.addConstraint(name: "a", terms: [LinearTerm(1, x), LinearTerm(1, y)], upperBound: 4)
    let c = model.addConstraint(name: "c", terms: [LinearTerm(1, x)], upperBound: 3)
    model.objectives = [
      Objective(name: "total", sense: .maximize, terms: [LinearTerm(1, x), LinearTerm(1, y)], relativeTolerance: 0),
      Objective(name: "x first", sense: .maximize, terms: [LinearTerm(1, x)], relativeTolerance: 0),
    ]
    let solution = solver.solve(model, options: SolveOptions())
    let stages = solver.sensitivity(of: model, fixingIntegersAt: solution.values, stages: [0, 1], rows: [c], options: SolveOptions())
    #expect(stages.map(\.stage) == [0, 1])
    let row = try #require(stages.last?.rows.first)
    #expect(row.binding && abs(row.dual - 1) < 1e-9)
    #expect(abs((row.upperLimit ?? -1) - 4) < 1e-9)
  }

  @Test("bad arguments are refused before they reach GLPK")
  func refusesBadArguments() {
    var model = LinearModel()
    let x = model.addVariable(name: "x", lowerBound: 0, upperBound: 1)
    let r = model.addConstraint(name: "r", terms: [LinearTerm(1, x)], upperBound: 1)
    model.objectives = [Objective(name: "v", sense: .maximize, terms: [LinearTerm(1, x)], relativeTolerance: 0)]
    let options = SolveOptions()
    for (point, stages, rows) in [
      ([1.0, 2.0], [0], [r]), ([Double.nan], [0], [r]), ([1.0], [1], [r]), ([1.0], [0], [ConstraintIndex(5)]),
      ([1.0], [-1], [r]),
    ] {
      let result = solver.sensitivity(of: model, fixingIntegersAt: point, stages: stages, rows: rows, options: options)
      #expect(result.allSatisfy { $0.status == .invalidModel && $0.rows.isEmpty })
    }
  }
}

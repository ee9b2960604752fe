/// SHA-256 of the files `RegionParameters(seed: 2027, measures: 150)` gives (generator version 1),
/// recorded from a reviewed run. They must not change unless `RegionGenerator.generatorVersion` does.
enum RecordedDigests {
  static let seed2027: [String: String] = [
    "scenario.yaml": "37a06221781d96f148792001a75b19ffb83f6e580647ad99480d4cde2e15c1a6",
    "partners.csv": "a3d79975fc954c6d0378db235e6161a76648a479cf45699a7ace149a70207e77",
    "owners.csv": "5da8142f9e6d2c2b077074cb4ecb3216befe3a1b4b6725e794094036023e5b9a",
    "measures.csv": "49caebd8bd4daed59044e0fcf4e1fef2fd556e9ce3b0371523d0463cc9142bfe",
  ]
}

import FuzzSupport

/// libFuzzer entry point: the input is `partners.csv`; the other three files are the small valid scenario.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzHarness.run("partners.csv", data, size)
}

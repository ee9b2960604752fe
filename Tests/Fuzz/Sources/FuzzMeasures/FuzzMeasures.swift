import FuzzSupport

/// libFuzzer entry point: the input is `measures.csv`; the other three files are the small valid scenario.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzHarness.run("measures.csv", data, size)
}

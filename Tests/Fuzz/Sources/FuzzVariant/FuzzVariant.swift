import FuzzSupport

/// libFuzzer entry point: the input is a what-if variant (`variants/fuzz.yaml`) of the small valid scenario.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzHarness.runVariant(data, size)
}

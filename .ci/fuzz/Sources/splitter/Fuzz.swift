import DossierCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.splitter(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

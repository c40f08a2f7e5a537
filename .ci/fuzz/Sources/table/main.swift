import DossierCore
import Foundation

/// One input: libFuzzer looks for traps, hangs and runaway memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.table(String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self))
    return 0
}

// SwiftPM links an executable's main under its own name, so libFuzzer's main is not used;
// its driver is started from here instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = Optional(CommandLine.unsafeArgv)
exit(runDriver(&argc, &argv, fuzzOne))

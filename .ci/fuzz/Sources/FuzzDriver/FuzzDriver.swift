import Foundation

/// The libFuzzer glue every fuzz target shares: each target's `main.swift` names its entry point
/// in `FuzzTargets` and hands it to `run`, which starts libFuzzer's driver over it.
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments, giving `target` each input as raw bytes; exits
    /// with libFuzzer's status.
    public static func run(bytes target: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        currentTarget = target
        var argc = CommandLine.argc
        var argv = Optional(CommandLine.unsafeArgv)
        exit(runDriver(&argc, &argv, fuzzOne))
    }

    /// The same, each input decoded as UTF-8 (a byte that is not UTF-8 becomes U+FFFD).
    public static func run(text target: @escaping (String) -> Void) -> Never {
        run(bytes: { target(String(decoding: $0, as: UTF8.self)) })
    }
}

/// The target `run` was given; libFuzzer's callback is a C function, so it cannot capture it.
/// Set once, before libFuzzer starts, and read only on libFuzzer's thread.
nonisolated(unsafe) private var currentTarget: (UnsafeRawBufferPointer) -> Void = { _ in }

/// One input: libFuzzer looks for traps, hangs and runaway memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    currentTarget(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

// SwiftPM links an executable's main under its own name, so libFuzzer's main is not used;
// its driver is started from `run` instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

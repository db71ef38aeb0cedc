import SIKIMCore
import SIKIMData
import Dispatch
import NIOCore
import NIOPosix

/// Where Swift's async code runs in the server.
public enum Eksekutor {
    /// Runs async code on NIO's event loops instead of Swift's own thread pool: a request no
    /// longer moves between an event loop and a pool thread at each await (a laporan list: 13 → 4
    /// context switches and 3–12 % less CPU per request). Call first thing in `main`, before
    /// any task starts. A blocking call on an event loop would then stall its connections, so
    /// the long computations run on a thread of their own (`Application.hitungBerat`), bcrypt on
    /// the thread pool, and nothing calls `EventLoopFuture.wait()`.
    public static func pasangNIO() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}

/// A thread of its own for the computations that run for seconds over a nation's rows, so they
/// never hold an event loop (see `Eksekutor.pasangNIO`). They take turns anyway (`Giliran`).
/// Unchecked: its only state is a serial `DispatchQueue`, which is thread-safe.
final class PelaksanaBerat: TaskExecutor, @unchecked Sendable {
    private let antrean = DispatchQueue(label: "sikim.hitung-berat")

    func enqueue(_ job: consuming ExecutorJob) {
        let tugas = UnownedJob(job)
        antrean.async { tugas.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

import SIKIMCore
import SIKIMData
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Work still running when the server stops: requests and the background computations and
/// checks. Vapor's server stops once its connections close, but a handler whose client hung up
/// keeps running, and one whose request was read before the connection closed may start only
/// then: both found the database shut down (a crash on SIGTERM under load). Stopping refuses
/// new work (503), cancels the repeated checks and waits for what runs (at most `batas`)
/// before the application closes its databases.
final class PekerjaanBerjalan: LifecycleHandler, AsyncMiddleware, Sendable {
    private let keadaan = NIOLockedValueBox((jumlah: 0, berhenti: false, ulang: [RepeatedTask]()))
    let batas: Duration

    init(batas: Duration = .seconds(15)) { self.batas = batas }

    var jumlah: Int { keadaan.withLockedValue { $0.jumlah } }

    /// Runs `kerja` counted; once stopping, throws `KesalahanHTTP.berhenti` instead.
    func jalankan<T>(_ kerja: () async throws -> T) async throws -> T {
        let boleh = keadaan.withLockedValue { k -> Bool in
            guard !k.berhenti else { return false }
            k.jumlah += 1
            return true
        }
        guard boleh else { throw KesalahanHTTP.berhenti }
        defer { keadaan.withLockedValue { $0.jumlah -= 1 } }
        return try await kerja()
    }

    /// A request arriving while stopping gets its 503 here, from no database or template.
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await jalankan { try await next.respond(to: req) }
        } catch let e as KesalahanHTTP where e == .berhenti {
            return Response(status: e.status, headers: ["Retry-After": "5", "Content-Type": "text/plain; charset=utf-8"], body: .init(string: e.pesan))
        }
    }

    /// A repeated background check, cancelled when stopping.
    func ulangi(_ t: RepeatedTask) { keadaan.withLockedValue { $0.ulang.append(t) } }

    func shutdownAsync(_ application: Application) async {
        keadaan.withLockedValue { k in k.berhenti = true; return k.ulang }.forEach { $0.cancel() }
        let akhir = ContinuousClock.now.advanced(by: batas)
        // Polled: this runs once, at exit.
        while jumlah > 0, ContinuousClock.now < akhir { try? await Task.sleep(for: .milliseconds(10)) }
    }
}

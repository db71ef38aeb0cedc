import NIOConcurrencyHelpers
import SIKIMCore
import SIKIMData
import Vapor

/// The work `serve` runs beside the requests, each counted as running work so a shutdown waits
/// for it (`PekerjaanBerjalan`).
enum PekerjaanLatar {
    static func mulai(_ app: Application) {
        kirimWebhook(app)
        periksaBerkala(app)
    }

    /// The webhook's deliveries every few seconds.
    private static func kirimWebhook(_ app: Application) {
        let loop = app.eventLoopGroup.next()
        app.berjalan.ulangi(loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(1), delay: .seconds(2)) { _ in
            loop.makeFutureWithTask {
                try? await app.berjalan.jalankan {
                    do { try await PengirimWebhook(db: app.db, jam: app.jam).kirimYangJatuhTempo(client: app.client, logger: app.logger) }
                    catch { app.logger.report(error: error) }
                }
            }
        })
    }

    /// Deadlines every minute; the activity history every tenth minute, from the first: its
    /// statuses are per day, and over a nation of KIMs one pass costs seconds of CPU.
    private static func periksaBerkala(_ app: Application) {
        let loop = app.eventLoopGroup.next()
        let putaran = NIOLockedValueBox(0)
        app.berjalan.ulangi(loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(5), delay: .seconds(60)) { _ in
            let ke = putaran.withLockedValue { n in defer { n += 1 }; return n }
            return loop.makeFutureWithTask {
                try? await app.berjalan.jalankan {
                    let p = PemeriksaBerkala(l: app.lingkungan.dengan(db: app.dbHitung))
                    do { try await app.hitungBerat { try await ke % 10 == 0 ? p.jalankan() : p.tenggat() } }
                    catch { app.logger.report(error: error) }
                }
            }
        })
    }
}

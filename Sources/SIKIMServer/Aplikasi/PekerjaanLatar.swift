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
        if app.sikim.kanal.adaYangAktif { kanal(app) }
    }

    /// The chat outbox every two seconds, messages a crash left unprocessed, and what a stopped
    /// process left half-sent (marked uncertain).
    private static func kanal(_ app: Application) {
        let loop = app.eventLoopGroup.next()
        app.berjalan.ulangi(loop.scheduleRepeatedAsyncTask(initialDelay: .milliseconds(200), delay: .seconds(2)) { _ in
            loop.makeFutureWithTask {
                try? await app.berjalan.jalankan {
                    let l = app.lingkungan
                    let pengirim = PengirimKanal(l: l, client: app.client)
                    do {
                        try await pengirim.tandaiYangTerputus()
                        try await pengirim.kirimYangJatuhTempo()
                        let media = app.sikim.kanal.whatsapp.map { GerbangWhatsApp(k: $0, client: app.client) }
                        try await LayananKanal(l: l, batas: app.batasDesa).selesaikanTertunda(media: media)
                    } catch { app.logger.report(error: error) }
                }
            }
        })
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

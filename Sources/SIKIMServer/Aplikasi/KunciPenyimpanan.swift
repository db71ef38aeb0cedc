import NIOConcurrencyHelpers
import SIKIMCore
import SIKIMData
import Vapor

extension Application {
    private struct GerbangKey: StorageKey { typealias Value = GerbangTulis }

    /// Set once in `configure`, before serving.
    var gerbangTulis: GerbangTulis {
        get { storage[GerbangKey.self]! }
        set { storage[GerbangKey.self] = newValue }
    }
}

extension Application {
    private struct VersiKey: StorageKey { typealias Value = NIOLockedValueBox<Int> }

    /// Set once in `configure`, before serving.
    var versiData: NIOLockedValueBox<Int> {
        get { storage[VersiKey.self]! }
        set { storage[VersiKey.self] = newValue }
    }
}

extension Request {
    /// How many changes this process has made so far (`PencatatPerubahan`).
    var versiData: Int { application.versiData.withLockedValue { $0 } }
}

extension Application {
    private struct CacheServerKey: StorageKey { typealias Value = CacheServer }

    /// Set once in `configure`.
    var cache: CacheServer {
        get { storage[CacheServerKey.self]! }
        set { storage[CacheServerKey.self] = newValue }
    }
}

// The app's flow and the error mapping, seen from Swift. Runs on macOS with `swift test` once
// the xcframework is built (README, "Kotlin and Swift"); the same behaviours are tested on the
// JVM in every CI run (bindings/uniffi/kotlin).
import Foundation
import XCTest

import ClaimGraph

final class ClaimGraphTests: XCTestCase {
    /// The containers claim of the reference article: asserted by unnamed ROK sources, denied by
    /// the two parties it accuses.
    private func containersGraph() throws -> ClaimGraph {
        let g = ClaimGraph()
        try g.addSource(source: Source(
            id: "article", kind: .document, name: "Analysis: Putin's visit to DPRK raises Western concerns",
            published: "2024-06-18T23:30:00+08:00"))
        try g.addSource(source: Source(id: "rok-sources", kind: .unnamedGroup, name: "ROK sources"))
        try g.addSource(source: Source(id: "russia", kind: .government, name: "Russia", aliases: ["Russian Federation"]))
        try g.addSource(source: Source(id: "dprk", kind: .government, name: "DPRK", aliases: ["North Korea"]))
        try g.addClaim(claim: Claim(
            id: "containers",
            text: "From August 2023 to February 2024 the DPRK delivered 6,700 containers of weapons and ammunition to Russia.",
            subjects: ["dprk", "russia"],
            period: Period(start: "2023-08", end: "2024-02")))
        _ = try g.addAttribution(attribution: Attribution(
            source: "rok-sources", claim: "containers", stance: .asserts, modality: .stated, via: "article"))
        for accused in ["russia", "dprk"] {
            _ = try g.addAttribution(attribution: Attribution(
                source: accused, claim: "containers", stance: .denies, modality: .stated,
                quote: "mad rumors", via: "article"))
        }
        return g
    }

    func testStatusOfTheContainersClaim() throws {
        let status = try containersGraph().status(claim: "containers")
        XCTAssertTrue(status.disputed)
        XCTAssertTrue(status.unnamedOnly)
        XCTAssertEqual(status.interestedDeniers, ["dprk", "russia"])
        XCTAssertEqual(status.independentOriginCount, 1)
    }

    func testAddANoteSaveAndReopen() throws {
        let g = try containersGraph()
        try g.addSource(source: Source(id: "reader", kind: .person, name: "Me"))
        let noteId = try g.addVerdict(verdict: Verdict(
            reviewer: "reader", claim: "containers", label: "Unproven", date: "2024-06-20"))
        XCTAssertEqual(noteId, "reader:verdict:containers")

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("claims.json").path
        try g.save(path: file)

        let reopened = try ClaimGraph.load(path: file)
        XCTAssertEqual(reopened, g)
        XCTAssertEqual(try reopened.status(claim: "containers").verdicts.map { $0.id }, [noteId])
    }

    func testPartialDatesStayAsWritten() throws {
        let g = try containersGraph()
        XCTAssertEqual(try g.claim(id: "containers")?.period, Period(start: "2023-08", end: "2024-02"))
        let before = try g.asOf(date: "2024-06-17")
        XCTAssertEqual(try before.graph.counts().attributions, 0)
    }

    func testUnknownClaimIsNotFound() throws {
        let g = try containersGraph()
        XCTAssertThrowsError(try g.status(claim: "no-such-claim")) { error in
            guard case let ClaimGraphError.NotFound(kind, id, detail) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(kind, .claim)
            XCTAssertEqual(id, "no-such-claim")
            XCTAssertTrue(detail.contains("no-such-claim"))
        }
    }

    func testDuplicateIdAndBadDate() throws {
        let g = try containersGraph()
        XCTAssertThrowsError(try g.addSource(source: Source(id: "russia", kind: .government, name: "Russia"))) { error in
            guard case let ClaimGraphError.DuplicateId(id, existing, _) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(id, "russia")
            XCTAssertEqual(existing, .source)
        }
        XCTAssertThrowsError(try g.addAttribution(attribution: Attribution(
            source: "rok-sources", claim: "containers", stance: .doubts, modality: .stated, said: "June 2024"))) { error in
            guard case let ClaimGraphError.InvalidInput(_, field, value, _) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(field, "said")
            XCTAssertEqual(value, "June 2024")
        }
    }

    func testMissingFileIsIo() {
        XCTAssertThrowsError(try ClaimGraph.load(path: "/no/such/folder/claims.json")) { error in
            guard case let ClaimGraphError.Io(_, path, _) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(path, "/no/such/folder/claims.json")
        }
    }

    func testReadersAndAWriterOnSeveralThreads() throws {
        let g = try containersGraph()
        let writes = 50
        DispatchQueue.concurrentPerform(iterations: 5) { lane in
            if lane == 0 {
                for i in 0..<writes {
                    try? g.addSource(source: Source(id: "official-\(i)", kind: .person, name: "Official \(i)"))
                    _ = try? g.addAttribution(attribution: Attribution(
                        source: "official-\(i)", claim: "containers", stance: .denies, modality: .stated))
                }
            } else {
                for _ in 0..<100 {
                    _ = try? g.status(claim: "containers")
                    _ = try? g.findings()
                }
            }
        }
        XCTAssertEqual(try g.status(claim: "containers").deniers.count, 2 + writes)
    }
}

import MaillageCore

/// A journey drawn by the server as an SVG timeline: one numbered stop per step, coloured and marked by its outcome
/// (✓ answered, ↗ outside the territory, ✕ rupture), with the place and the trip beside it. Drawn across for wide
/// screens and down for phones, where a row of steps would not fit.
struct JourneyTimeline {
    enum Direction: String { case across, down }

    let journey: Journey

    func render(_ direction: Direction = .across) -> String {
        let count = max(journey.steps.count, 1)
        let across = direction == .across
        let stepSize = across ? 260.0 : 96.0
        let (width, height) = across ? (Double(count) * stepSize + 40, 170.0) : (320.0, Double(count) * stepSize + 20)
        let id = "tl-\(direction.rawValue)"
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"timeline timeline-\(direction.rawValue)\">"
        svg += "<title id=\"\(id)-title\">Parcours de \(HTMLEscaping.escape(journey.persona.firstName))</title>"
        svg +=
            "<desc id=\"\(id)-desc\">\(journey.steps.count) étapes ; \(HTMLEscaping.escape(journey.outcome.label)) ; même information dans la liste des étapes</desc>"
        // The centre of a step's stop.
        func stop(_ number: Int) -> (x: Double, y: Double) {
            across ? (20 + stepSize * Double(number) + stepSize / 2, 40) : (30, 30 + stepSize * Double(number))
        }
        let (first, last) = (stop(0), stop(count - 1))
        svg += "<line class=\"timeline-line\" x1=\"\(Int(first.x))\" y1=\"\(Int(first.y))\" x2=\"\(Int(last.x))\" y2=\"\(Int(last.y))\"/>"
        for (number, step) in journey.steps.enumerated() {
            let (x, y) = stop(number)
            let (cls, mark) =
                step.flags.contains(.rupture)
                ? ("step-rupture", "✕") : step.flags.contains(.outsideTerritory) ? ("step-outside", "↗") : ("step-ok", "✓")
            svg += "<g class=\"\(cls)\"><circle cx=\"\(Int(x))\" cy=\"\(Int(y))\" r=\"18\"/>"
            svg += "<text x=\"\(Int(x))\" y=\"\(Int(y))\" text-anchor=\"middle\" dominant-baseline=\"central\">\(number + 1)\(mark)</text></g>"
            let lines = [
                Self.clip(step.need.task, 32), step.visit.map { Self.clip($0.entry.place.nom, 32) } ?? "aucune réponse",
                step.visit.map { "\(Self.clip($0.entry.place.commune, 20)) · \(TripDuration.french($0.minutes))" } ?? step.blocker?.label ?? ""
            ]
            for (row, line) in lines.enumerated() {
                let (textX, textY, anchor) = across ? (x, 82 + Double(row) * 20, "middle") : (x + 30, y - 12 + Double(row) * 20, "start")
                svg +=
                    "<text class=\"timeline-text\(row == 0 ? " strong" : "")\" x=\"\(Int(textX))\" y=\"\(Int(textY))\" text-anchor=\"\(anchor)\" dominant-baseline=\"central\">\(HTMLEscaping.escape(line))</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func clip(_ text: String, _ length: Int) -> String { text.count <= length ? text : String(text.prefix(length - 1)) + "…" }
}

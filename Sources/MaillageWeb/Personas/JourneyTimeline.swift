import MaillageCore

/// A journey drawn by the server as an SVG timeline: one numbered stop per step, coloured and marked by its outcome
/// (✓ answered, ↗ outside the territory, ✕ rupture), with the place and the trip under it.
struct JourneyTimeline {
    let journey: Journey

    func render() -> String {
        let count = max(journey.steps.count, 1)
        let stepWidth = 260.0
        let width = Double(count) * stepWidth + 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) 170\" role=\"img\" aria-labelledby=\"tl-title tl-desc\" class=\"timeline\">"
        svg += "<title id=\"tl-title\">Parcours de \(HTMLEscaping.escape(journey.persona.firstName))</title>"
        svg += "<desc id=\"tl-desc\">\(journey.steps.count) étapes ; \(HTMLEscaping.escape(journey.outcome.label)) ; même information dans la liste des étapes</desc>"
        svg += "<line class=\"timeline-line\" x1=\"\(Int(stepWidth / 2 + 20))\" y1=\"40\" x2=\"\(Int(width - stepWidth / 2 - 20))\" y2=\"40\"/>"
        for (number, step) in journey.steps.enumerated() {
            let x = 20 + stepWidth * Double(number) + stepWidth / 2
            let (cls, mark) = step.flags.contains(.rupture) ? ("step-rupture", "✕") : step.flags.contains(.outsideTerritory) ? ("step-outside", "↗") : ("step-ok", "✓")
            svg += "<g class=\"\(cls)\"><circle cx=\"\(Int(x))\" cy=\"40\" r=\"18\"/>"
            svg += "<text x=\"\(Int(x))\" y=\"40\" text-anchor=\"middle\" dominant-baseline=\"central\">\(number + 1)\(mark)</text></g>"
            let lines = [Self.clip(step.need.task, 32), step.visit.map { Self.clip($0.entry.place.nom, 32) } ?? "aucune réponse",
                         step.visit.map { "\(Self.clip($0.entry.place.commune, 20)) · \(TripDuration.french($0.minutes))" } ?? step.blocker?.label ?? ""]
            for (row, line) in lines.enumerated() {
                svg += "<text class=\"timeline-text\(row == 0 ? " strong" : "")\" x=\"\(Int(x))\" y=\"\(82 + row * 20)\" text-anchor=\"middle\">\(HTMLEscaping.escape(line))</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func clip(_ text: String, _ length: Int) -> String { text.count <= length ? text : String(text.prefix(length - 1)) + "…" }
}

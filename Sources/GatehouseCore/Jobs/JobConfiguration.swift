/// What a project's `.gatehouse.yaml` defines: its jobs, and which of them each pipeline runs.
package struct JobConfiguration: Hashable, Sendable {
    /// In the order the file lists them; names are unique.
    package var jobs: [JobDefinition]
    /// Job names per pipeline, in the order listed. A pipeline the file does not mention runs nothing.
    package var pipelines: [PipelineName: [String]]

    package init(jobs: [JobDefinition] = [], pipelines: [PipelineName: [String]] = [:]) {
        self.jobs = jobs
        self.pipelines = pipelines
    }

    /// The jobs `pipeline` runs, in order. Every name resolves: the loader refuses a file naming an undefined job.
    package func jobs(for pipeline: PipelineName) -> [JobDefinition] {
        (pipelines[pipeline] ?? []).compactMap { name in jobs.first { $0.name == name } }
    }
}

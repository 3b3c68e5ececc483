// How busy the machine was (issue 14: the figures are only comparable with the
// load they were measured under). The load average counts every process; the
// calibration times a fixed piece of JavaScript here, so two runs of the bench
// can be compared for raw speed even when their load averages look alike.
import os from "node:os";
import { performance } from "node:perf_hooks";

export interface MachineLoad {
  cpus: number;
  /** 1, 5 and 15 minute load averages. */
  loadAverage: [number, number, number];
  /** Milliseconds for a fixed workload (median of 5): lower is a faster, or less busy, machine. */
  calibrationMs: number;
}

function calibrate(): number {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 20_000_000; i++) x = (x + i * 7) % 1_000_003;
    if (x < 0) throw new Error("unreachable");
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

export function measureMachine(): MachineLoad {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return { cpus: os.cpus().length, loadAverage: [one, five, fifteen], calibrationMs: calibrate() };
}

export function describeMachine(label: string, machine: MachineLoad): string {
  const load = machine.loadAverage.map((value) => value.toFixed(2)).join(" / ");
  return `${label}: ${machine.cpus} CPUs, load average (1/5/15 min) ${load}, calibration ${machine.calibrationMs.toFixed(0)} ms`;
}

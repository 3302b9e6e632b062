'use strict';
// Leases on builds. tools/build.mjs copies this file into each build as lease.js, and the
// compiled apps/api/src/main.js ends with require('…/lease.js').register(): every process
// running a build leaves <build>/.leases/<pid>, so a later build never removes a build that
// a live process runs. The build lock (dist/.lock/owner.json) is a lease of the same shape.
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Start time of a process (clock ticks since boot), telling a reused pid apart; undefined off Linux. */
function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces, so count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** What a lease file holds for this process. */
function leaseText() {
  return `${JSON.stringify({ pid: process.pid, startTime: startTime(process.pid) })}\n`;
}

/** Whether the lease file names a process that still runs (the same one, not a reused pid). */
function leaseHeld(file) {
  let lease;
  try {
    lease = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  if (typeof lease.pid !== 'number' || !processAlive(lease.pid)) return false;
  const now = startTime(lease.pid);
  return lease.startTime === undefined || now === undefined || now === lease.startTime;
}

/** Records that this process runs the build this file lies in; best effort (a read-only image is fine). */
function register() {
  const file = join(__dirname, '.leases', String(process.pid));
  try {
    mkdirSync(join(__dirname, '.leases'), { recursive: true });
    writeFileSync(file, leaseText());
    process.once('exit', () => rmSync(file, { force: true }));
  } catch {
    // nothing to protect from where leases cannot be written
  }
}

module.exports = { leaseHeld, leaseText, processAlive, register, startTime };

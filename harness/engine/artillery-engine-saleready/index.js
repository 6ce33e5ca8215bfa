'use strict';
// artillery-engine-saleready: saleready's person engine, loaded by Artillery for scenarios
// with `engine: saleready`. It runs the people and bots of a sale (journey `crowd`) or the
// people of a capacity step (journey `capacity`), each on its own undici connection. A
// capacity virtual user is one person; a crowd's virtual user is a wake-up that starts the
// people and bots due until the next one, each at its own time (crowd.js), so that Artillery's
// arrival timer spins rarely. Settings (`config.engines.saleready`), paths relative to the test file:
//   plan     the run plan, JSON (default plan.json)
//   records  folder for saleready's records, one file per worker thread (default records)
//   people   the people pool, JSON [{ userId, address }] (optional)
//   bots     the bot pool, JSON [{ userId, address, ring }] (optional)
//   rawSamples  also write every request's exact duration (a check aid; default false)
//   shares   a distributed run's worker count N: `plan` then names one plan per share with
//            `{share}` in it (plan-{share}.json), and each worker process finds its share in
//            init() (share.js); its people and bots are its share's pool indices (crowd.js)
// API (ENGINE.md): new Engine(script, ee, helpers); createScenario(spec, ee) returns
// function (context, done), called once per virtual user, which emits 'started' first.
const { readFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { runBot, ringAddress } = require('./bot.js');
const { runCapacityPerson } = require('./capacity.js');
const { createCrowd } = require('./crowd.js');
const { createConnection } = require('./http.js');
const { OUTCOMES, createMetrics } = require('./metrics.js');
const { runPerson } = require('./person.js');
const { createRecorder } = require('./records.js');
const { resolveShare } = require('./share.js');
const { version } = require('./package.json');

function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`saleready engine: cannot read the ${what} ${path}: ${error.message}`);
  }
}

class SalereadyEngine {
  constructor(script, ee) {
    const settings = (script.config.engines && script.config.engines.saleready) || {};
    const baseDir = script._scriptPath ? dirname(resolve(script._scriptPath)) : process.cwd();
    const at = (path) => resolve(baseDir, path);
    this.target = script.config.target;
    this.settings = settings;
    this.at = at;
    this.people = settings.people ? readJson(at(settings.people), 'people pool') : [];
    this.bots = settings.bots ? readJson(at(settings.bots), 'bot pool') : [];
    // a distributed run's plan depends on the worker's share, known in init()
    if (settings.shares === undefined) this.usePlan(readJson(at(settings.plan || 'plan.json'), 'run plan'));
    this.arrivals = 0;
    // the run's clock starts with its first phase (the opening is plan.opensAtMs after it)
    this.startedAtMs = Date.now();
    if (ee && typeof ee.on === 'function') {
      ee.on('phaseStarted', (spec) => {
        if (spec && spec.index === 0 && typeof spec.startTime === 'number') this.startedAtMs = spec.startTime;
      });
      // every phase launched and every virtual user finished: the records are complete
      ee.on('done', () => this.recorder && this.recorder.close());
    }
  }

  /** The plan this engine runs: its crowd and its records. */
  usePlan(plan, share) {
    this.plan = plan;
    this.crowd = createCrowd(plan.arrivalSegments || [], plan.share);
    const meta = { engine: 'saleready', engineVersion: version, scenario: plan.scenario };
    if (plan.share) meta.share = { index: plan.share.index, of: plan.share.of, how: share ? share.how : null };
    this.recorder = createRecorder(this.at(this.settings.records || 'records'), meta, {
      rawSamples: this.settings.rawSamples === true,
    });
  }

  /** A distributed run: find this worker's share and read its plan (Artillery awaits this before the first phase). */
  async init() {
    if (this.plan) return;
    try {
      const shares = Number(this.settings.shares);
      const share = await resolveShare(shares);
      const template = this.settings.plan || 'plan-{share}.json';
      this.usePlan(
        readJson(
          this.at(template.replace('{share}', String(share.index))),
          `run plan of share ${share.index} of ${shares}`,
        ),
        share,
      );
    } catch (error) {
      // Artillery logs a failed init and runs on without this worker's load, ending with exit 0;
      // a worker that cannot run its share fails the run instead (uncaught: exit 11, "worker crashed")
      setImmediate(() => {
        throw error;
      });
      throw error;
    }
  }

  /** The account of a person or bot: from the pool when there is one, else made up. */
  accountOf(actor, index) {
    if (actor === 'bot') {
      const pooled = this.bots[index];
      if (pooled) return pooled;
      const ringSize = this.plan.bots ? this.plan.bots.ringSize : 1;
      const ring = Math.floor(index / ringSize);
      return { userId: `b-${ring}-${index % ringSize}`, address: ringAddress(ring), ring };
    }
    return this.people[index] || { userId: `p-${index}`, address: `${index} Sale Street` };
  }

  /** One virtual user of a capacity step: one person in a closed loop. */
  async runCapacity(ee) {
    const n = this.arrivals++;
    const connection = createConnection(this.target, this.recorder, ee, 'capacity');
    try {
      return await runCapacityPerson({ connection, plan: this.plan, startedAtMs: this.startedAtMs, index: n });
    } finally {
      await connection.close();
    }
  }

  /** One virtual user of the crowd: a wake-up, which starts the people and bots due until the next (crowd.js). */
  async runWakeup(ee) {
    const due = this.crowd.wakeup(this.arrivals++);
    await Promise.all(due.map(({ slot, atMs }) => this.runSlot(slot, atMs, ee)));
  }

  /** The person or bot of one arrival slot, started when it is due; its record, or an error record. */
  async runSlot(slot, atMs, ee) {
    const wait = this.startedAtMs + atMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { actor, index } = this.crowd.actorOf(slot);
    // a spare slot of a distributed run's phase: this worker's share has nobody here
    if (actor === 'idle') {
      ee.emit('counter', 'saleready.idle_slots', 1);
      return;
    }
    const connection = createConnection(this.target, this.recorder, ee, actor);
    const io = {
      connection,
      metrics: createMetrics(this.recorder, ee),
      plan: this.plan,
      startedAtMs: this.startedAtMs,
      account: this.accountOf(actor, index),
      index,
    };
    try {
      this.recorder.person(actor === 'bot' ? await runBot(io) : await runPerson(io));
    } catch (error) {
      this.failed(error, ee);
    } finally {
      await connection.close();
    }
  }

  /** An arrival the engine could not run: Artillery's error counter and an error record. */
  failed(error, ee) {
    ee.emit('error', (error && error.code) || 'saleready_engine_error');
    this.recorder.person({ actor: 'unknown', outcome: 'error', error: String((error && error.message) || error) });
  }

  /**
   * Artillery fails an ensure check on a metric that never fired, so the counters a target can
   * name start at 0 (a run where nobody gave up reports 0, not "missing").
   */
  reportZeros(ee) {
    this.zeroed = true;
    ee.emit('counter', 'saleready.requests_failed', 0);
    ee.emit('counter', 'http.requests', 0);
    for (const actor of ['person', 'bot']) {
      for (const name of [
        'arrivals',
        'admitted',
        'units_bought',
        'session_expiries',
        ...OUTCOMES.map((outcome) => `outcome.${outcome}`),
      ]) {
        ee.emit('counter', `saleready.${actor}.${name}`, 0);
      }
    }
  }

  createScenario(spec, ee) {
    const journey = spec.journey || 'crowd';
    if (journey !== 'crowd' && journey !== 'capacity') {
      throw new Error(`saleready engine: unknown journey "${journey}" (crowd or capacity)`);
    }
    return (context, done) => {
      ee.emit('started');
      if (!this.zeroed) this.reportZeros(ee);
      const run = journey === 'capacity' ? this.runCapacity(ee) : this.runWakeup(ee);
      run.then(
        (record) => {
          if (record) this.recorder.person(record);
          done(null, context);
        },
        (error) => {
          this.failed(error, ee);
          done(error, context);
        },
      );
    };
  }
}

module.exports = SalereadyEngine;

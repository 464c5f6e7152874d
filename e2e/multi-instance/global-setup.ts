import { startCluster } from './cluster';

/** Starts the two instances and nginx once for the run; the tests find them in MULTI_INSTANCE_CLUSTER. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  process.env.MULTI_INSTANCE_CLUSTER = JSON.stringify({ url: cluster.url, instances: cluster.instances });
  return () => cluster.stop();
}

"""Train a sparkmlp model every night with Airflow, retrying only what a retry can fix.

The task runs ``spark-submit ... train --resume``: the first attempt starts fresh (there is no
checkpoint yet) and every retry continues from the last checkpoint of the attempt before it,
so one command line serves them all. The exit code decides what happens next (README, "Exit
codes"):

    0    success                                          -> done
    1    anything else: cluster, disk, network            -> retry (resumes)
    2    bad config or input                              -> fail, no retry
    3    training diverged (NaN/Inf loss)                 -> fail, no retry (it would again)
    4    callbacks.target_loss.required, not reached      -> fail, no retry (model written)
    5    scripts/setup.sh cannot install a missing tool   -> fail, no retry
    130  interrupted by SIGINT, checkpoint kept           -> retry (resumes)
    143  interrupted by SIGTERM, checkpoint kept          -> retry (resumes)

On a timeout (execution_timeout) or when the task is marked failed, Airflow interrupts the task;
it then sends SIGTERM to spark-submit, which stops training between two steps and keeps the
checkpoint, and waits up to KILL_AFTER seconds before SIGKILL.

Copy this file into your DAGs folder and adjust SPARK_SUBMIT, JAR, CONFIG and OUTPUT.
"""

import signal
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.operators.python import PythonOperator

SPARK_SUBMIT = "/opt/spark/bin/spark-submit"
JAR = "/opt/sparkmlp/sparkmlp-0.1.0-SNAPSHOT.jar"
CONFIG = "/opt/sparkmlp/conf/fashion-mnist.yaml"
# One model directory per day; the checkpoint lives beside it as <OUTPUT>.checkpoint.
OUTPUT = "/data/models/fashion-mnist/{{ ds }}"

# Exit codes that a retry cannot fix: fail the task at once.
NO_RETRY = {2: "bad config or input", 3: "training diverged",
            4: "target loss not reached (the model is written)",
            5: "a tool the command needs cannot be installed"}
# Exit codes after which a retry resumes from the checkpoint.
RETRY = {1: "failure (cluster, disk, network)", 130: "interrupted (SIGINT)",
         143: "interrupted (SIGTERM)"}
KILL_AFTER = 60


def train(output, **_):
    command = [SPARK_SUBMIT, "--master", "yarn", "--deploy-mode", "client",
               "--class", "io.sparkmlp.cli.Main", JAR,
               "train", "--config", CONFIG, "--output", output,
               # --resume: continue from <output>.checkpoint when a retry finds one;
               # --overwrite: a cleared (re-run) task replaces the day's model.
               "--resume", "--overwrite"]
    process = subprocess.Popen(command)
    try:
        code = process.wait()
    except BaseException:
        # Timeout or kill: let the run stop between steps and keep its checkpoint.
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=KILL_AFTER)
        except subprocess.TimeoutExpired:
            process.kill()
        raise
    if code == 0:
        return
    if code in NO_RETRY:
        raise AirflowFailException(f"sparkmlp train exited {code}: {NO_RETRY[code]}")
    raise AirflowException(f"sparkmlp train exited {code}: {RETRY.get(code, 'unexpected')}; "
                           "the retry resumes from the checkpoint")


with DAG(
    dag_id="sparkmlp_train",
    start_date=datetime(2026, 1, 1),
    schedule="15 2 * * *",
    catchup=False,
    max_active_runs=1,  # two runs must not share an output's checkpoint
    default_args={
        "retries": 3,
        "retry_delay": timedelta(minutes=5),
        "execution_timeout": timedelta(hours=6),
    },
) as dag:
    PythonOperator(task_id="train", python_callable=train,
                   op_kwargs={"output": OUTPUT})

import { Canvas } from '@react-three/fiber'

/** The 3D campus (scene issue). */
export function CampusView() {
  return (
    <Canvas frameloop="demand" camera={{ position: [300, 250, 300], fov: 45, near: 1, far: 20000 }}>
      <color attach="background" args={['#cfe3f2']} />
      <ambientLight intensity={0.6} />
      <directionalLight position={[200, 400, 100]} intensity={1.2} />
    </Canvas>
  )
}
